// npm run db:seed: demo data (idempotent) in DATABASE_URL or the embedded database.
import { DEMO_PASSWORD, demoUserLines, seedDemo } from "@/ops/seed/demo";
import { log, runScript, withDatabase } from "@/ops/run";

runScript(() =>
  withDatabase(async ({ db }) => {
    const result = await seedDemo(db());
    if (result.created) {
      log("Seeded demo data. Sign in with any of these (password: " + DEMO_PASSWORD + "):");
      demoUserLines().forEach((line) => log(line));
    } else {
      log("Demo data already present; nothing changed.");
    }
  }),
);
