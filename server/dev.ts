/**
 * `npm run dev`: the game server (restarted when server/ or shared/ change) and Vite's dev server
 * for the client with hot reload. Stop both with Ctrl-C.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "vite";

const children: ChildProcess[] = [];

function startServer(): ChildProcess {
  // --watch restarts the game server when any file it imports changes.
  const child = spawn(process.execPath, ["--watch", "server/main.ts"], { stdio: "inherit", env: process.env });
  children.push(child);
  return child;
}

startServer();
const vite = await createServer({ configFile: "client/vite.config.ts" });
await vite.listen();
vite.printUrls();
console.log(`[dev] game server on http://localhost:${process.env.PORT ?? "2567"}`);

function stop(): void {
  for (const c of children) c.kill("SIGTERM");
  void vite.close().then(() => process.exit(0));
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
