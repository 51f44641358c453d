// A minimal Fedify server for passerelle's interoperability test, on loopback only.
//
// It serves one Person (`alice`, with an RSA and an Ed25519 key pair) with WebFinger, only to
// signed GETs (authorized fetch), an inbox that verifies every activity the way Fedify does,
// accepts every Follow (answering with an Accept) and records what it received; and it can be
// told to follow an actor.
//
//   node server.mjs --port 4567
//
// Test endpoints (not ActivityPub):
//   GET  /_test/received          the activities its inbox accepted, as JSON
//   GET  /_test/requests          every HTTP request it served or sent, with its status
//   POST /_test/follow?actor=URL  alice follows the actor at URL (fetched with a signed GET)
//
// Fedify refuses private addresses unless `allowPrivateAddress` is set: it is, for loopback.

import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import {
  Accept,
  Activity,
  createFederation,
  Endpoints,
  Follow,
  generateCryptoKeyPair,
  isActor,
  MemoryKvStore,
  Person,
} from "@fedify/fedify";
import { configure, getConsoleSink } from "@logtape/logtape";

const NAME = "alice";

const portArg = process.argv.indexOf("--port");
const port = Number(portArg > 0 ? process.argv[portArg + 1] : process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error("usage: node server.mjs --port PORT");
  process.exit(2);
}
const origin = `http://localhost:${port}`;

if (process.env.FEDIFY_LOG) {
  await configure({
    sinks: { console: getConsoleSink() },
    loggers: [
      { category: "fedify", lowestLevel: process.env.FEDIFY_LOG, sinks: ["console"] },
      { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["console"] },
    ],
  });
}

/** Every request served or sent: method, url, which signature scheme it carried, status. */
const requests = [];
/** Every activity the inbox accepted (after Fedify verified its signature). */
const received = [];
/** The actors that follow alice. */
const followers = new Map();

function schemeOf(headers) {
  if (headers.get("signature-input")) return "rfc9421";
  if (headers.get("signature")) return "draft-cavage";
  return null;
}

function signedHeaders(headers) {
  const sig = headers.get("signature") ?? "";
  const m = sig.match(/headers="([^"]*)"/);
  return m ? m[1].split(" ") : [];
}

// Outgoing requests (key and actor fetches, deliveries) go through the global fetch:
// wrapped, so that the test sees what Fedify sent and what our server answered.
const innerFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const request = input instanceof Request ? input : new Request(input, init);
  const entry = {
    direction: "out",
    method: request.method,
    url: request.url,
    scheme: schemeOf(request.headers),
    signedHeaders: signedHeaders(request.headers),
    userAgent: request.headers.get("user-agent"),
    status: null,
  };
  requests.push(entry);
  try {
    const response = await innerFetch(input, init);
    entry.status = response.status;
    return response;
  } catch (error) {
    entry.error = String(error);
    throw error;
  }
};

const keyPairs = [
  await generateCryptoKeyPair("RSASSA-PKCS1-v1_5"),
  await generateCryptoKeyPair("Ed25519"),
];

const federation = createFederation({
  kv: new MemoryKvStore(),
  origin,
  allowPrivateAddress: true,
});

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== NAME) return null;
    const keys = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "Alice (Fedify)",
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      followers: ctx.getFollowersUri(identifier),
      url: ctx.getActorUri(identifier),
      publicKey: keys[0].cryptographicKey,
      assertionMethods: keys.map((k) => k.multikey),
    });
  })
  .setKeyPairsDispatcher((_ctx, identifier) => (identifier === NAME ? keyPairs : []))
  // Authorized fetch: the actor is served only to a GET whose signature Fedify verified.
  .authorize((_ctx, _identifier, signedKey) => signedKey != null);

federation.setFollowersDispatcher("/users/{identifier}/followers", (_ctx, identifier) => {
  if (identifier !== NAME) return null;
  return { items: [...followers.keys()].map((id) => new URL(id)) };
});

async function record(ctx, activity) {
  received.push(await activity.toJsonLd({ contextLoader: ctx.contextLoader }));
}

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  // The shared inbox fetches the signers' keys with alice's signed GETs too.
  .setSharedKeyDispatcher(() => ({ identifier: NAME }))
  .on(Follow, async (ctx, follow) => {
    await record(ctx, follow);
    if (follow.objectId?.href !== ctx.getActorUri(NAME).href) return;
    const follower = await follow.getActor(ctx);
    if (follower == null || !isActor(follower)) {
      throw new Error(`the follower ${follow.actorId?.href} could not be fetched`);
    }
    followers.set(follower.id.href, follower);
    await ctx.sendActivity(
      { identifier: NAME },
      follower,
      new Accept({
        id: new URL(`/accepts/${randomUUID()}`, origin),
        actor: ctx.getActorUri(NAME),
        object: follow,
      }),
    );
  })
  .on(Activity, record)
  .onError((_ctx, error) => {
    console.error("inbox error:", error);
  });

async function follow(actorUrl) {
  const ctx = federation.createContext(new URL(origin));
  const documentLoader = await ctx.getDocumentLoader({ identifier: NAME });
  const target = await ctx.lookupObject(actorUrl, { documentLoader });
  if (target == null || !isActor(target)) {
    throw new Error(`${actorUrl} could not be fetched as an actor`);
  }
  const activity = new Follow({
    id: new URL(`/follows/${randomUUID()}`, origin),
    actor: ctx.getActorUri(NAME),
    object: target.id,
  });
  await ctx.sendActivity({ identifier: NAME }, target, activity);
  return activity.id.href;
}

function json(value, status = 200) {
  return new Response(JSON.stringify(value), {
    status,
    headers: { "content-type": "application/json" },
  });
}

async function handle(request) {
  const url = new URL(request.url);
  if (url.pathname === "/_test/received" && request.method === "GET") {
    return json(received);
  }
  if (url.pathname === "/_test/requests" && request.method === "GET") {
    return json(requests);
  }
  if (url.pathname === "/_test/follow" && request.method === "POST") {
    try {
      return json({ follow: await follow(url.searchParams.get("actor") ?? "") }, 202);
    } catch (error) {
      return json({ error: String(error) }, 502);
    }
  }
  return await federation.fetch(request, { contextData: undefined });
}

// Node's http server to the Fetch API that Fedify speaks, and back.
const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const request = new Request(new URL(req.url, origin), {
    method: req.method,
    headers,
    body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
  });
  const entry = {
    direction: "in",
    method: req.method,
    url: request.url,
    scheme: schemeOf(headers),
    signedHeaders: signedHeaders(headers),
    userAgent: headers.get("user-agent"),
    status: null,
  };
  if (!isTestUrl(request.url)) requests.push(entry);
  let response;
  try {
    response = await handle(request);
  } catch (error) {
    console.error("handler error:", error);
    response = new Response(String(error), { status: 500 });
  }
  entry.status = response.status;
  const out = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(out);
});

function isTestUrl(href) {
  return new URL(href).pathname.startsWith("/_test/");
}

server.listen(port, "127.0.0.1", () => {
  console.log(`fedify test server on ${origin}`);
});
