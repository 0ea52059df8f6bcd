/**
 * The flood of tests/hostile/flood.test.ts, in its own process so the measuring client's event loop
 * is not the one busy flooding: replay verifications, a create flood (from other addresses, via
 * X-Forwarded-For), a room with four hard AI seats playing non-stop, a chat spammer. Prints
 * `flood under way` once it bites, and its counts as one JSON line when it gets SIGTERM.
 * Usage: node tests/hostile/flood-load.ts <http-url> <ws-url>
 */
import { Client } from "@colyseus/sdk";
import { simReplayFile, simulateMatch } from "../../cli/simulate.ts";

const [http, ws] = process.argv.slice(2);
if (!http || !ws) throw new Error("usage: flood-load.ts <http-url> <ws-url>");

const sim = simulateMatch({
  config: { seats: ["microsoft", "amazon", "alphabet", "meta", "oracle", "apple", "tesla"], turns: 24, seed: 5 },
  policies: ["guidance", "disciplined"],
  scheme: "state",
});
const replay = JSON.stringify(simReplayFile(sim.state, sim.turns, 1, "2026-01-01T00:00:00.000Z"));
const counts = { verified: 0, busy: 0, limited: 0, other: 0, creates: 0, createsRefused: 0, spam: 0, hardTurns: 0 };
let stop = false;
let announced = false;
const announce = (): void => {
  if (!announced && counts.verified + counts.busy > 4 && counts.hardTurns > 0) {
    announced = true;
    console.log("flood under way");
  }
};

async function verifier(addr: string): Promise<void> {
  while (!stop) {
    const res = await fetch(`${http}/api/replays/verify`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": addr },
      body: replay,
    });
    await res.arrayBuffer();
    if (res.status === 200) counts.verified++;
    else if (res.status === 503) counts.busy++;
    else if (res.status === 429) counts.limited++;
    else counts.other++;
    announce();
  }
}

async function creator(): Promise<void> {
  while (!stop) {
    const res = await fetch(`${http}/matchmake/create/match`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
      body: "{}",
    });
    await res.arrayBuffer();
    if (res.status === 200) counts.creates++;
    else if (res.status === 429) counts.createsRefused++;
    else counts.other++;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function hardAi(): Promise<void> {
  while (!stop) {
    const room = await new Client(ws).create("match", {
      name: "Hard",
      turns: 24,
      seats: ["microsoft", "amazon", "alphabet", "meta", "oracle"],
      aiSeats: ["amazon", "alphabet", "meta", "oracle"],
      difficulty: "hard",
      mode: "multiplayer",
      turnSeconds: 3600,
    });
    await new Promise<void>((done) => {
      room.onMessage("turn:started", () => room.send("ready"));
      room.onMessage("turn:resolved", () => {
        counts.hardTurns++;
        announce();
        if (stop) done();
      });
      room.onMessage("match:ended", () => done());
      room.onMessage("*", () => undefined);
    });
    await room.leave(true).catch(() => undefined);
  }
}

async function spammer(): Promise<void> {
  const room = await new Client(ws).create("match", { name: "Spam", turns: 4 });
  room.onMessage("*", () => undefined);
  while (!stop) {
    for (let i = 0; i < 50; i++) room.send("chat", { text: `spam ${i}` });
    counts.spam += 50;
    await new Promise((r) => setTimeout(r, 300));
  }
  await room.leave(true).catch(() => undefined);
}

process.on("SIGTERM", () => {
  stop = true;
  console.log(JSON.stringify(counts));
  process.exit(0);
});
void Promise.all([verifier("203.0.113.7"), verifier("203.0.113.8"), verifier("203.0.113.10"), verifier("203.0.113.11"), creator(), hardAi(), spammer()]);
