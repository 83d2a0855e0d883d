// The canary test's pure helpers: polling, and every string a JSON document shows (base64 decoded too).

export async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Every string in a JSON document, plus what each decodes to when it is base64 (how payload bytes are shown). */
export function readable(json: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      out.push(v);
      if (v.length >= 4 && /^[A-Za-z0-9+/]+={0,2}$/.test(v))
        out.push(Buffer.from(v, 'base64').toString('latin1'));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(json);
  return out.join('\n');
}
