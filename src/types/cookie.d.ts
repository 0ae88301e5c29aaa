// cookie 0.7 ships no types (next-auth depends on this version); only what caller.ts uses.
declare module "cookie" {
  export function parse(header: string): Record<string, string | undefined>;
}
