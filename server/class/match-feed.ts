/**
 * The live feed of a classroom match to its class: a public summary (`MatchLive`) published on a
 * presence channel whenever it changes, and each reveal's report. Presence is Colyseus' pub/sub
 * (in memory for one process, Redis for several), so a class room reaches its matches wherever
 * they live. Only public figures leave here: the engine's spectator view, who has committed
 * (yes/no), the clock — never a pending decision, the seed or the RNG.
 */
import { score, viewFor, type MatchState, type TurnReport } from "../../shared/engine/index.ts";
import type { LiveSeat, MatchLive } from "../../shared/protocol/class.ts";
import type { ClockView } from "../rooms/turn-clock.ts";
import type { Phase } from "../rooms/match-flow.ts";
import type { SeatRuntime } from "../rooms/seats.ts";

export function feedChannel(matchId: string): string {
  return `cp:class-feed:${matchId}`;
}

/** What a match publishes: its summary, and with a reveal the quarter's report (public from then on). */
export interface FeedMessage {
  readonly matchId: string;
  readonly live: MatchLive;
  readonly report?: TurnReport;
  /** The teacher took this quarter back. */
  readonly undone?: number;
}

/** The parts of a match the summary reads (MatchFlow has them). */
export interface FeedSource {
  readonly rec: { readonly id: string; readonly code: string };
  readonly engine: MatchState;
  readonly phase: Phase;
  readonly seats: { list(): SeatRuntime<unknown>[] };
  readonly clock: { readonly view: ClockView };
  readonly injected: readonly { readonly kind: MatchLive["pendingEvents"][number]["kind"]; readonly target?: string; readonly magnitudeBp?: number }[];
}

function changeBp(before: number, after: number): number {
  return before > 0 ? Math.round(((after - before) * 10_000) / before) : 0;
}

/** The public summary of a match, for its class (the dilemma meter is the class's to add). */
export function matchLive(src: FeedSource): MatchLive {
  const eng = src.engine;
  const pub = viewFor(eng, null);
  const scores = score(eng);
  const seats: LiveSeat[] = src.seats.list().map((s) => {
    const c = pub.companies[s.company];
    const sc = scores.find((x) => x.company === s.company);
    const hist = c?.history ?? [];
    const last = hist.at(-1);
    const prevPrice = hist.length >= 2 ? (hist.at(-2)?.sharePriceCents ?? 0) : (eng.companies[s.company]?.valuation.startPriceCents ?? 0);
    return {
      company: s.company,
      name: s.name,
      control: s.control,
      held: s.held,
      connected: s.client !== null && s.reconnection === null,
      committed: s.pending !== null,
      ready: s.ready,
      status: c?.status ?? "active",
      rating: c?.rating ?? "",
      capex: last?.capex ?? 0,
      sharePriceCents: c?.sharePriceCents ?? 0,
      priceChangeBp: last ? changeBp(prevPrice, last.sharePriceCents) : 0,
      marketCap: c?.marketCap ?? 0,
      onlineMw: c?.poweredMw ?? 0,
      scoreBp: sc?.scoreBp ?? 0,
      rank: sc?.rank ?? 0,
    };
  });
  const industry = {
    capex: pub.industryHistory.reduce((t, r) => t + r.capex, 0),
    netIncome: pub.industryHistory.reduce((t, r) => t + r.netIncome, 0),
    capexByQuarter: pub.industryHistory.map((r) => r.capex),
  };
  const clock = src.clock.view;
  return {
    matchId: src.rec.id,
    code: src.rec.code,
    phase: src.phase,
    turn: eng.turn,
    turns: eng.config.turns,
    year: eng.quarter.year,
    q: eng.quarter.q,
    paused: clock.paused,
    reading: clock.reading,
    deadline: clock.deadline,
    baseRateBp: pub.market.bonds.baseRateBp,
    regime: pub.market.sentiment.regime,
    windowOpen: pub.market.bonds.windowOpen,
    pendingEvents: src.injected.map((e) => ({
      kind: e.kind,
      ...(e.target ? { target: e.target as LiveSeat["company"] } : {}),
      ...(e.magnitudeBp !== undefined ? { magnitudeBp: e.magnitudeBp } : {}),
    })),
    lastEvents: eng.turn > 0 ? pub.market.events : [],
    seats,
    industry,
    meter: null,
    scores: eng.ended ? scores : null,
  };
}

export interface FeedPorts {
  publish(channel: string, message: FeedMessage): void;
}

/**
 * Publishes a match's summary when it changed (`tick`, called on a short interval by the room) and
 * at once with a reveal or an undo.
 */
export class MatchFeed {
  readonly #ports: FeedPorts;
  readonly #source: () => FeedSource;
  #last = "";

  constructor(ports: FeedPorts, source: () => FeedSource) {
    this.#ports = ports;
    this.#source = source;
  }

  /** The current summary (also for a class that asks after a restart). */
  live(): MatchLive {
    return matchLive(this.#source());
  }

  tick(): void {
    const live = this.live();
    const text = JSON.stringify(live);
    if (text === this.#last) return;
    this.#last = text;
    this.#ports.publish(feedChannel(live.matchId), { matchId: live.matchId, live });
  }

  /** A room broadcast: reveals and undos go out with the summary right away. */
  onBroadcast(type: string, message: unknown): void {
    if (type !== "turn:resolved" && type !== "turn:undone") return;
    const live = this.live();
    this.#last = JSON.stringify(live);
    const m = message as { turn: number; report?: TurnReport };
    this.#ports.publish(feedChannel(live.matchId), {
      matchId: live.matchId,
      live,
      ...(type === "turn:resolved" && m.report ? { report: m.report } : { undone: m.turn }),
    });
  }
}
