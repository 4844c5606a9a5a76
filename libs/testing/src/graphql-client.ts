export interface GraphQLErrorBody {
  message: string;
  path?: string[];
  extensions?: { code?: string; fields?: Array<{ field: string; message: string }>; [key: string]: unknown };
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: GraphQLErrorBody[];
}

/**
 * A GraphQL client over real HTTP, like the web app: a bearer access token,
 * and the refresh cookie kept between calls.
 */
export class GraphQLClient {
  accessToken: string | null = null;
  private cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...this.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(';');
      const [name, value] = pair.split('=');
      const expired = attrs.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const body = (await res.json()) as { data: T | null; errors?: GraphQLErrorBody[] };
    return { status: res.status, data: body.data ?? null, errors: body.errors };
  }

  /** Like request(), but throws on any GraphQL error. */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL error: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  async login(email: string, password: string): Promise<GraphQLResult<{ login: { accessToken: string } }>> {
    const result = await this.request<{ login: { accessToken: string } }>(
      `mutation Login($input: LoginInput!) { login(input: $input) { accessToken accessTokenExpiresAt } }`,
      { input: { email, password } },
    );
    if (result.data?.login) this.accessToken = result.data.login.accessToken;
    return result;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }
}

/** The machine code of the first error, for assertions. */
export function errorCode(result: GraphQLResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
