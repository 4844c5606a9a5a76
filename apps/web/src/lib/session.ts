/**
 * The access token lives here, in memory only. The refresh token is an
 * HttpOnly cookie (path /graphql) the browser sends by itself: on load, some
 * time before the access token expires, and after an UNAUTHENTICATED answer,
 * `refresh()` asks `refreshSession` for a new access token.
 *
 * Tabs of the same browser tell each other about new tokens and sign-outs
 * (BroadcastChannel), so they do not race each other's refresh cookie.
 */
export type SessionStatus = 'loading' | 'signedIn' | 'signedOut';

export interface SessionState {
  status: SessionStatus;
  accessToken: string | null;
  expiresAt: number | null;
  /** Bumped on every sign-in, sign-out and CPTS switch: a new GraphQL cache each time. */
  generation: number;
  /** Why the session ended, when it ended on its own (e.g. expired). */
  endedReason: string | null;
  /** The person signed out themselves (so: no "come back here after signing in"). */
  signedOutByUser: boolean;
}

interface TokenPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
}

const REFRESH_MUTATION = 'mutation RefreshSession { refreshSession { accessToken accessTokenExpiresAt } }';
/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

type Listener = () => void;

class SessionStore {
  private state: SessionState = { status: 'loading', accessToken: null, expiresAt: null, generation: 0, endedReason: null, signedOutByUser: false };
  private listeners = new Set<Listener>();
  private refreshing: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('cpts-session');

  constructor() {
    this.channel?.addEventListener('message', (event: MessageEvent) => {
      const msg = event.data as { type: 'token'; payload: TokenPayload; switched: boolean } | { type: 'signedOut' };
      if (msg.type === 'token') this.accept(msg.payload, { broadcast: false, newGeneration: msg.switched || this.state.status !== 'signedIn' });
      if (msg.type === 'signedOut') this.clear(null, false, true);
    });
    if (typeof document !== 'undefined') {
      // After a laptop sleeps, timers are late: check again when the tab comes back.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible' && this.state.status === 'signedIn' && this.expiresSoon()) void this.refresh();
      });
    }
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SessionState => this.state;

  get token(): string | null {
    return this.state.accessToken;
  }

  expiresSoon(marginMs = REFRESH_MARGIN_MS): boolean {
    return this.state.expiresAt !== null && this.state.expiresAt - Date.now() < marginMs;
  }

  /** After sign-in or a CPTS switch. */
  signedIn(payload: TokenPayload, options: { switched?: boolean } = {}): void {
    this.accept(payload, { broadcast: true, newGeneration: true, switched: options.switched ?? false });
  }

  /** Ends the session locally (the server side is ended by `logout`). */
  signedOut(options: { byUser?: boolean } = {}): void {
    this.clear(null, true, options.byUser ?? false);
  }

  /** One refresh at a time; resolves true when a new access token was obtained. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const wasSignedIn = this.state.status === 'signedIn';
    let response: Response;
    try {
      response = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REFRESH_MUTATION, operationName: 'RefreshSession' }),
      });
    } catch {
      // Network down: keep what we have (the next call will tell), but leave "loading" if we were.
      if (this.state.status === 'loading') this.clear(null, false);
      return false;
    }
    let body: { data?: { refreshSession?: TokenPayload } | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = await response.json();
    } catch {
      if (this.state.status === 'loading') this.clear(null, false);
      return false;
    }
    const payload = body.data?.refreshSession;
    if (payload) {
      this.accept(payload, { broadcast: true, newGeneration: !wasSignedIn });
      return true;
    }
    const error = body.errors?.[0];
    if (error?.extensions?.code === 'UNAUTHENTICATED' || this.state.status === 'loading') {
      this.clear(wasSignedIn ? error?.message ?? null : null, false);
    }
    return false;
  }

  private accept(payload: TokenPayload, opts: { broadcast: boolean; newGeneration: boolean; switched?: boolean }): void {
    const expiresAt = new Date(payload.accessTokenExpiresAt).getTime();
    this.set({
      status: 'signedIn',
      accessToken: payload.accessToken,
      expiresAt,
      generation: opts.newGeneration ? this.state.generation + 1 : this.state.generation,
      endedReason: null,
      signedOutByUser: false,
    });
    this.schedule(expiresAt);
    if (opts.broadcast) this.channel?.postMessage({ type: 'token', payload, switched: opts.switched ?? false });
  }

  private clear(reason: string | null, broadcast: boolean, byUser = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const changed = this.state.status !== 'signedOut';
    this.set({ status: 'signedOut', accessToken: null, expiresAt: null, generation: this.state.generation + (changed ? 1 : 0), endedReason: reason, signedOutByUser: byUser });
    if (broadcast) this.channel?.postMessage({ type: 'signedOut' });
  }

  private schedule(expiresAt: number): void {
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.max(5_000, expiresAt - Date.now() - REFRESH_MARGIN_MS);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private set(next: SessionState): void {
    this.state = next;
    this.listeners.forEach((l) => l());
  }
}

export const session = new SessionStore();
