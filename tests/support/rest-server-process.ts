/**
 * The REST API in a process of its own, as a second app instance would run:
 * prints `{"origin": …}` on one line once it listens, and serves until killed.
 * Takes DATABASE_URL and the other settings from its environment.
 */
import { startRestServer } from "./rest-server";

const server = await startRestServer();
process.stdout.write(`${JSON.stringify({ origin: server.origin })}\n`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
