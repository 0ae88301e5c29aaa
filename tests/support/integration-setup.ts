// Points the app's own database client (getDb) at this run's database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
