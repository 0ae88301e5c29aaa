// Prisma CLI configuration. Only `prisma generate` is used on machines without
// Prisma's binary CDN; migrations are applied by scripts/db-migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/flowpilot" },
});
