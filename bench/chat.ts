// Live chat benchmark: 200 chats at once, each child writing messages one after another and
// the counsellors answering each; the round trip is from the child sending to the child
// seeing the answer (visitor socket → database → NOTIFY → staff socket → database → NOTIFY →
// visitor socket). Counsellors use 100 staff sockets holding 2 chats each.
import WebSocket from 'ws';

type Report = (what: string, value: string) => void;
type Frame = Record<string, unknown> & { type: string };

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function json(response: Response) {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function benchChat(report: Report, baseUrl: string, session: { cookie: string; csrfToken: string }): Promise<void> {
  // Paced like people (a message every second or so in each chat), then flat out.
  await chatRound(report, baseUrl, session, { chats: 200, messagesPerChat: 10, pauseMs: 1000, label: 'a message a second in each' });
  await chatRound(report, baseUrl, session, { chats: 200, messagesPerChat: 10, pauseMs: 0, label: 'flat out' });
}

async function chatRound(
  report: Report,
  baseUrl: string,
  session: { cookie: string; csrfToken: string },
  { chats, messagesPerChat, pauseMs, label }: { chats: number; messagesPerChat: number; pauseMs: number; label: string },
): Promise<void> {
  const staffHeaders = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
  await json(await fetch(`${baseUrl}/api/v1/settings`, { method: 'PATCH', headers: staffHeaders, body: JSON.stringify({ chatOpensAt: '00:00', chatClosesAt: '24:00', chatOnWeekends: true }) }));
  const ws = baseUrl.replace('http', 'ws');

  const opened: { chatId: string; token: string }[] = [];
  for (let i = 0; i < chats; i++) {
    opened.push(await json(await fetch(`${baseUrl}/api/v1/chats`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'sr-Cyrl' }) })));
  }
  const { 'content-type': _json, ...bodiless } = staffHeaders;
  for (const chat of opened) await json(await fetch(`${baseUrl}/api/v1/chats/${chat.chatId}/accept`, { method: 'POST', headers: bodiless }));

  // Counsellors: answer every child message at once.
  const staffSockets = await Promise.all(Array.from({ length: 100 }, () => connect(`${ws}/api/v1/chat/staff-socket`, { cookie: session.cookie })));
  let replies = 0;
  staffSockets.forEach((socket, s) => {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (frame.type === 'message' && frame.sender === 'visitor') {
        socket.send(JSON.stringify({ type: 'send', chatId: frame.chatId, clientId: `r-${frame.chatId}-${frame.seq}`, body: `Одговор на ${frame.seq}` }));
        replies++;
      }
    });
    for (const chat of opened.slice(s * (chats / 100), (s + 1) * (chats / 100))) socket.send(JSON.stringify({ type: 'watch', chatId: chat.chatId, afterSeq: 0 }));
  });

  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    opened.map(async (chat) => {
      const socket = await connect(`${ws}/api/v1/chat/socket`);
      let waiting: ((frame: Frame) => void) | null = null;
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as Frame;
        if (frame.type === 'message' && frame.sender === 'counsellor' && waiting) waiting(frame);
      });
      socket.send(JSON.stringify({ type: 'hello', chatId: chat.chatId, token: chat.token, afterSeq: 0 }));
      for (let i = 0; i < messagesPerChat; i++) {
        const t0 = performance.now();
        const answered = new Promise<Frame>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no answer within 30 s')), 30_000);
          waiting = (frame) => {
            clearTimeout(timer);
            waiting = null;
            resolve(frame);
          };
        });
        socket.send(JSON.stringify({ type: 'send', clientId: `m-${i}`, body: `Порука ${i}` }));
        await answered;
        if (i > 0) latencies.push(performance.now() - t0); // the first messages all start together
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs * (0.5 + Math.random())));
      }
      socket.close();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const socket of staffSockets) socket.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(0);
  report(`chat (${label}): round trip child → counsellor → child, ${chats} chats at once, p50 / p99 ms`, `${q(0.5)} / ${q(0.99)}`);
  report(`chat (${label}): messages stored and delivered per second (both directions)`, ((chats * messagesPerChat * 2) / seconds).toFixed(0));
  if (replies < chats * messagesPerChat) throw new Error(`only ${replies} answers for ${chats * messagesPerChat} messages`);
}
