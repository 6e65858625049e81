/** Each event's self check-in token: random, issued once, shown to attendees only through the code staff put up. */
export interface CheckinTokensRepo {
  /** The event's token, or null before staff first open its check-in code. */
  get(eventId: string): Promise<string | null>;
  /** Stores `token` unless the event has one already; answers the token the event keeps. */
  issue(eventId: string, token: string, now: string): Promise<string>;
}
