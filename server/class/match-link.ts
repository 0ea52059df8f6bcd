/**
 * How a class reaches its matches: creating a match room on the teacher's behalf, sending it
 * teacher commands through the room's own checks (`MatchRoom.command`), reading its summary, and
 * following its feed. Everything goes through Colyseus' matchmaker and presence by room id, so it
 * works the same when the match lives in another process (Redis presence).
 */
import { matchMaker } from "@colyseus/core";
import type { CreateOptions, ErrorMessage } from "../../shared/protocol/index.ts";
import { ROOM_NAME } from "../../shared/protocol/index.ts";
import type { MatchLive } from "../../shared/protocol/class.ts";
import { teacherPrincipal } from "../rooms/authority.ts";
import { serverCreate } from "../rooms/context.ts";
import type { ClassContext } from "./context.ts";
import { feedChannel, type FeedMessage } from "./match-feed.ts";

export interface MatchLink {
  create(options: CreateOptions, teacherKeyHash: string): Promise<string>;
  /** A teacher command to a match; null when it was done, else the match's typed refusal. */
  command(matchId: string, type: string, payload: unknown): Promise<ErrorMessage | null>;
  live(matchId: string): Promise<MatchLive | null>;
  /** Follows a match's feed; returns the unsubscribe. */
  follow(matchId: string, fn: (m: FeedMessage) => void): () => void;
}

const GONE: ErrorMessage = { code: "class/match_unavailable", message: "the match could not be reached (it has ended or could not be restored)" };

export function matchLink(ctx: ClassContext): MatchLink {
  return {
    async create(options, teacherKeyHash) {
      const listing = await matchMaker.createRoom(ROOM_NAME, serverCreate(ctx.rooms, { kind: "create", options, teacherKeyHash, noCreator: true }));
      return listing.roomId;
    },
    async command(matchId, type, payload) {
      const roomId = await ctx.ensureMatchRoom(matchId);
      if (!roomId) return GONE;
      try {
        return (await matchMaker.remoteRoomCall(roomId, "command" as never, [teacherPrincipal(), type, payload])) as ErrorMessage | null;
      } catch (e) {
        ctx.log(`class command ${type} to ${matchId} failed: ${e instanceof Error ? e.message : String(e)}`);
        return GONE;
      }
    },
    async live(matchId) {
      const roomId = await ctx.ensureMatchRoom(matchId);
      if (!roomId) return null;
      try {
        return (await matchMaker.remoteRoomCall(roomId, "classLive" as never, [])) as MatchLive | null;
      } catch {
        return null;
      }
    },
    follow(matchId, fn) {
      const channel = feedChannel(matchId);
      const cb = (m: FeedMessage) => fn(m);
      void matchMaker.presence.subscribe(channel, cb);
      return () => void matchMaker.presence.unsubscribe(channel, cb);
    },
  };
}
