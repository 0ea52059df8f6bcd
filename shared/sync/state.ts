/**
 * The synced room state of room `match` (@colyseus/schema 5, function API — no decorators).
 *
 * This is a VIEW of the authoritative engine state the server holds, never the source of
 * truth. Public fields reach every client; fields tagged `.view()` reach only clients whose
 * StateView contains that seat (the seat's own player), so a seat's pending decision and
 * private books never leave the server for anyone else before the reveal.
 *
 * Money in integer $M, rates in bp, as in the engine.
 */
import { schema, t, type SchemaType } from "@colyseus/schema";
import { STATEMENT_FIELDS, type StatementField } from "../engine/statements.ts";

/** The statements' on-screen lines (shared/engine/statements.ts), each a number field. */
const statementFields = Object.fromEntries(STATEMENT_FIELDS.map(({ field }) => [field, t.number().default(0)])) as {
  [K in StatementField]: ReturnType<typeof t.number>;
};

/** One reported quarter of one company (public figures, appended at each reveal). */
export const QuarterSync = schema(
  {
    turn: t.number().default(0),
    year: t.number().default(0),
    q: t.number().default(0),
    // The three statements (engine QuarterRecord), for the board and the statements screen.
    ...statementFields,
    sharePriceCents: t.number().default(0),
    marketCap: t.number().default(0),
    rating: t.string().default(""),
    aiShareBp: t.number().default(0),
    strandedMw: t.number().default(0),
    installedMw: t.number().default(0),
    poweredMw: t.number().default(0),
    usableMw: t.number().default(0),
  },
  "QuarterSync",
);
export type QuarterSync = SchemaType<typeof QuarterSync>;

/** One cohort of the seat's own assets (engine Vintage), PRIVATE to the seat; keyed in a map so a turn sends only what changed. */
export const VintageSync = schema(
  {
    kind: t.string().default(""),
    chip: t.string().default(""),
    boughtTurn: t.number().default(0),
    inServiceTurn: t.number().default(0),
    cost: t.number().default(0),
    mw: t.number().default(0),
    lifeQuarters: t.number().default(0),
  },
  "VintageSync",
);
export type VintageSync = SchemaType<typeof VintageSync>;

/** A seat: who holds it, whether it has committed, and the company's public figures. */
export const SeatSync = schema(
  {
    company: t.string().default(""),
    /** Display name of the human holding the seat ("" when AI or vacant). */
    name: t.string().default(""),
    /** "human" | "ai" | "vacant". A human seat played by AI while its player is away keeps "human" with `held` true. */
    control: t.string().default("vacant"),
    /** A human's seat played by AI while the player is away; the player may reclaim it with the seat token. */
    held: t.boolean().default(false),
    connected: t.boolean().default(false),
    /** Has a decision for this turn (yes/no only; the values stay sealed). */
    committed: t.boolean().default(false),
    /** Said ready this turn (public: everyone sees who is done). AI seats are ready once their decision is made. */
    ready: t.boolean().default(false),
    /** Has acknowledged the last reveal (see MatchSync.reading). */
    acked: t.boolean().default(false),
    status: t.string().default("active"),
    rating: t.string().default(""),
    cash: t.number().default(0),
    debt: t.number().default(0),
    sharePriceCents: t.number().default(0),
    marketCap: t.number().default(0),
    startMarketCap: t.number().default(0),
    aiRevenue: t.number().default(0),
    aiShareBp: t.number().default(0),
    capabilityBp: t.number().default(0),
    installedMw: t.number().default(0),
    poweredMw: t.number().default(0),
    usableMw: t.number().default(0),
    strandedMw: t.number().default(0),
    fleetCustomShareBp: t.number().default(0),
    coreRevenue: t.number().default(0),
    history: t.array(QuarterSync),
    /** Capex per quarter, oldest first: the pre-filled history before the match, then each resolved quarter. */
    capexHistory: t.array("number"),
    /** AI revenue per quarter: the last pre-match quarters, then each resolved quarter (ends where capexHistory ends). */
    aiRevenueHistory: t.array("number"),
    /** SEALED: this seat's pending decision as JSON ("" = none yet). Only the seat sees it. */
    pending: t.string().default("").view(),
    // PRIVATE to the seat (engine PrivateCompanyView), split so a turn re-sends only what changed.
    /** JSON DebtTranche[] */
    tranches: t.string().default("").view(),
    /** JSON PowerContract[] (contracted capacity not yet online) */
    powerPipeline: t.string().default("").view(),
    chipMaturityBp: t.number().default(0).view(),
    chipSlipQuarters: t.number().default(0).view(),
    serverLifeQuarters: t.number().default(0).view(),
    contractedPerQuarter: t.number().default(0).view(),
    contractedQuartersLeft: t.number().default(0).view(),
    coreMarginBp: t.number().default(0).view(),
    coreGrowthBp: t.number().default(0).view(),
    /** PRIVATE: the seat's asset cohorts (PrivateCompanyView.assets), keyed `kind:chip:boughtTurn[:n]`. Only the seat sees it. */
    assets: t.map(VintageSync).view(),
  },
  "SeatSync",
);
export type SeatSync = SchemaType<typeof SeatSync>;

/**
 * The seat's fields tagged `.view()` above: they reach only the seat's own player, so in any other
 * view they are absent (a test checks this list against the schema's metadata).
 */
export const SEAT_PRIVATE_FIELDS = [
  "pending",
  "tranches",
  "powerPipeline",
  "chipMaturityBp",
  "chipSlipQuarters",
  "serverLifeQuarters",
  "contractedPerQuarter",
  "contractedQuartersLeft",
  "coreMarginBp",
  "coreGrowthBp",
  "assets",
] as const satisfies readonly (keyof SeatSync)[];

export const MatchSync = schema(
  {
    matchId: t.string().default(""),
    code: t.string().default(""),
    scenario: t.string().default(""),
    variant: t.string().default(""),
    mode: t.string().default("solo"),
    /** "lobby" | "deciding" | "resolving" | "ended" */
    phase: t.string().default("lobby"),
    /** Resolved turns so far = index of the turn being decided. */
    turn: t.number().default(0),
    turns: t.number().default(0),
    year: t.number().default(0),
    q: t.number().default(0),
    paused: t.boolean().default(false),
    /**
     * Players are reading the last reveal: the turn is open but its timer has not started. It starts
     * when every connected player has acknowledged (`reveal:ack`) or at `readingUntil`.
     */
    reading: t.boolean().default(false),
    /** Epoch ms when the reading pause ends by itself; 0 when not reading. */
    readingUntil: t.number().default(0),
    /** Epoch ms when the current turn resolves by timer; 0 = no deadline (timer off or paused). */
    deadline: t.number().default(0),
    turnSeconds: t.number().default(0),
    /** hashState after the last resolved turn ("" before the first). */
    hash: t.string().default(""),
    spectators: t.number().default(0),
    /** Public market view as JSON (engine MarketView). */
    market: t.string().default(""),
    seats: t.map(SeatSync),
  },
  "MatchSync",
);
export type MatchSync = SchemaType<typeof MatchSync>;
