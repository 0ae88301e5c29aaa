// Generates the Prisma client offline.
// `prisma generate` first looks for the native schema engine and tries to
// download it, although generate never runs it. Pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing executable (node itself)
// skips the download; the generated client needs no binary at all.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
