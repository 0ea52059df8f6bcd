/**
 * WebSocket close codes of room `match` beyond Colyseus' own (4000–4010), shared by server and
 * client (zod-free, so the client can import it at runtime).
 */

/** A seat's token joined from elsewhere (another tab or device): this older connection is closed and must not rejoin by itself. */
export const CLOSE_SEAT_RECLAIMED = 4301;
