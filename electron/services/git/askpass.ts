/**
 * Credentials without a terminal: git runs GIT_ASKPASS with its prompt ("Password for
 * 'https://…': ") and reads the answer from its stdout. Folio's helper is a tiny bash script
 * that sends the prompt, with a one-time token, to this loopback server and prints what the
 * writer typed. The answer goes from the writer to git and nowhere else: Folio stores none.
 *
 * Bash and its /dev/tcp rather than a Node script: packaged builds turn Electron's RunAsNode
 * fuse off, so the app cannot run a Node script itself; git for Windows ships bash.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Asks the writer; null when they cancel. */
export type AskCredential = (prompt: string, secret: boolean) => Promise<string | null>;

const SCRIPT = `#!/bin/bash
# Folio's GIT_ASKPASS helper: hands git's prompt to Folio and prints the writer's answer.
exec 3<>"/dev/tcp/127.0.0.1/$FOLIO_ASKPASS_PORT" || exit 1
printf '%s\\n%s\\n' "$FOLIO_ASKPASS_TOKEN" "$1" >&3
IFS= read -r status <&3 || exit 1
IFS= read -r answer <&3
[ "$status" = ok ] || exit 1
printf '%s\\n' "$answer"
`;

/** Prompts that ask for something to hide as it is typed. */
export function isSecretPrompt(prompt: string): boolean {
  return /password|passphrase|token|pin\b/i.test(prompt);
}

export interface Askpass {
  /**
   * The environment for one git run that may prompt; `ask` answers its prompts until
   * `revoke()` (call it when the run ends: the token is then refused).
   */
  session(ask: AskCredential): { env: Record<string, string>; revoke(): void };
  close(): Promise<void>;
}

export async function startAskpass(): Promise<Askpass> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'folio-askpass-'));
  const script = path.join(folder, 'askpass.sh');
  await writeFile(script, SCRIPT, { mode: 0o700 });
  await chmod(folder, 0o700);
  const sessions = new Map<string, AskCredential>();

  const server = net.createServer((socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      input += chunk;
      const lines = input.split('\n');
      if (lines.length < 3) {
        if (input.length > 8192) socket.destroy();
        return;
      }
      socket.removeAllListeners('data');
      const [token = '', prompt = ''] = lines;
      const ask = findSession(sessions, token);
      const reply = (answer: string | null) =>
        socket.end(answer === null || /[\r\n]/.test(answer) ? 'cancel\n\n' : `ok\n${answer}\n`);
      if (!ask) return reply(null);
      ask(prompt, isSecretPrompt(prompt)).then(reply, () => reply(null));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = String((server.address() as net.AddressInfo).port);

  return {
    session(ask) {
      const token = randomBytes(32).toString('hex');
      sessions.set(token, ask);
      return {
        env: { GIT_ASKPASS: script, FOLIO_ASKPASS_PORT: port, FOLIO_ASKPASS_TOKEN: token },
        revoke: () => void sessions.delete(token),
      };
    },
    async close() {
      sessions.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Constant-time over the candidates, so a local process cannot guess a token by timing. */
function findSession(sessions: Map<string, AskCredential>, token: string): AskCredential | null {
  const given = Buffer.from(token.padEnd(64, '\0').slice(0, 64));
  let found: AskCredential | null = null;
  for (const [candidate, ask] of sessions) {
    if (timingSafeEqual(Buffer.from(candidate), given) && token.length === 64) found = ask;
  }
  return found;
}
