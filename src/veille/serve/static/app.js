// The analysts' page: reads the veille API, never writes. Built with DOM calls (text is never parsed as HTML).
"use strict";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  const response = await fetch(path + (query.toString() ? "?" + query : ""));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function show(tab) {
  for (const section of document.querySelectorAll("main > section")) section.hidden = section.id !== tab;
  for (const button of document.querySelectorAll("nav button")) button.classList.toggle("active", button.dataset.tab === tab);
}

function webAddress(url) {
  try { const parsed = new URL(url); return ["http:", "https:"].includes(parsed.protocol) ? parsed : null; }
  catch { return null; }
}

function sourceLink(row) {
  const address = row.url ? webAddress(row.url) : null;  // only http(s) addresses become links
  const label = row.source || (address ? address.hostname : row.url || "—");
  return address ? el("a", { href: address.href, rel: "noopener noreferrer", target: "_blank" }, label) : label;
}

function side(name, country, sector) {
  if (!name && !country) return "—";
  return el("span", {}, name || "", " ", el("span", { class: "code" }, [country, sector].filter(Boolean).join(" ")));
}

function highlighted(sentence, trigger) {
  const at = trigger ? sentence.indexOf(trigger) : -1;
  if (at < 0) return sentence;
  return el("span", {}, sentence.slice(0, at), el("mark", { class: "event" }, trigger),
    sentence.slice(at + trigger.length));
}

function flags(row) {
  return ["negated", "hypothetical", "future", "historical"].filter((f) => row[f]).map((f) => el("span", { class: "flag" }, f));
}

async function loadEvents(form) {
  const params = Object.fromEntries(new FormData(form));
  const rows = await api("/api/events", params);
  const body = document.getElementById("event-rows");
  body.replaceChildren(...rows.map((row) => el("tr", { "data-doc": row.doc_id, onclick: () => openDocument(row.doc_id) },
    el("td", {}, row.event_date || "?", " ", el("span", { class: "code" }, row.date_how || "")),
    el("td", {}, row.type, row.mode ? el("span", { class: "code" }, " " + row.mode) : null, ...flags(row)),
    el("td", {}, side(row.actor, row.actor_country, row.actor_sector)),
    el("td", {}, side(row.recipient, row.recipient_country, row.recipient_sector)),
    el("td", {}, highlighted(row.evidence, row.trigger)),
    el("td", {}, sourceLink(row), row.published ? el("div", { class: "code" }, row.published) : null))));
  if (!rows.length) body.append(el("tr", {}, el("td", { colspan: 6 }, "no events match")));
}

async function loadQuotes(form) {
  const rows = await api("/api/quotes", Object.fromEntries(new FormData(form)));
  document.getElementById("quote-rows").replaceChildren(...rows.map((row) =>
    el("tr", { onclick: () => openDocument(row.doc_id) },
      el("td", {}, row.speaker || "—", row.credited_to ? el("div", { class: "code" }, "via " + row.credited_to) : null),
      el("td", {}, "« " + row.content + " »"), el("td", { class: "code" }, row.kind), el("td", {}, sourceLink(row)))));
}

function documentRow(doc) {
  const status = doc.status === "ok" ? "ok" : `failed at ${doc.stage}: ${doc.reason}`;
  return el("tr", { onclick: () => openDocument(doc.id) }, el("td", { class: "code" }, doc.published || ""),
    el("td", {}, doc.title || doc.origin || doc.id.slice(0, 12)), el("td", {}, sourceLink(doc)),
    el("td", {}, doc.lang || "—"), el("td", { class: doc.status === "ok" ? "" : "failed" }, status));
}

async function loadDocuments() {
  const docs = await api("/api/documents", { limit: 200 });
  document.getElementById("document-rows").replaceChildren(...docs.map(documentRow));
}

async function loadStories() {
  const stories = await api("/api/stories");
  document.getElementById("story-list").replaceChildren(...stories.map((story) => el("li", {},
    `${story.copies} copies in ${story.outlets.length} outlets: `, story.documents[0].title || story.documents[0].id,
    el("ul", {}, ...story.documents.map((d) => el("li", {}, sourceLink(d))),
      ...story.reprints.map((r) => el("li", {}, sourceLink(r), " (reprint)"))))));
  if (!stories.length) document.getElementById("story-list").append(el("li", {}, "no story was published twice"));
}

// the text with every record's span marked; overlapping spans take the most specific kind
function markedText(doc) {
  const spans = [];
  for (const e of doc.events || []) spans.push([e.trigger, "event", e.type]);
  for (const q of doc.quotes || []) spans.push([q.content, "quote", "said by " + (q.speaker_name || "?")]);
  for (const t of doc.timexes || []) spans.push([t.span, "timex", t.value || t.type]);
  for (const m of doc.entities || []) spans.push([m.span, "mention", [m.label, m.country, m.sector].filter(Boolean).join(" ")]);
  const rank = { event: 4, timex: 3, mention: 2, quote: 1 };
  const cuts = new Set([0, doc.text.length]);
  for (const [span] of spans) if (span) { cuts.add(span[0]); cuts.add(span[1]); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", {});
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter(([span]) => span && span[0] <= a && b <= span[1]);
    const piece = doc.text.slice(a, b);
    if (!covering.length) { out.append(piece); continue; }
    covering.sort((x, y) => rank[y[1]] - rank[x[1]]);
    out.append(el("mark", { class: covering[0][1], title: covering.map((c) => c[2]).join(" · ") }, piece));
  }
  return out;
}

async function openDocument(id) {
  const doc = await api("/api/documents/" + encodeURIComponent(id));
  document.getElementById("doc-title").textContent = doc.title || doc.origin || doc.id;
  document.getElementById("doc-meta").replaceChildren(sourceLink(doc), ` · published ${doc.published || "unknown"}`,
    ` · ${doc.lang || "?"}`, doc.credits && doc.credits.length ? ` · credits ${doc.credits.join(", ")}` : "",
    doc.status === "ok" ? "" : el("span", { class: "failed" }, ` · failed at ${doc.stage}: ${doc.reason}`));
  document.getElementById("doc-text").replaceChildren(doc.status === "ok" ? markedText(doc) : doc.text || "");
  const said = (span) => (span ? doc.text.slice(span[0], span[1]) : "");
  document.getElementById("doc-events").replaceChildren(...(doc.events || []).map((e) => el("li", {},
    `${e.type}${e.mode ? "/" + e.mode : ""} “${said(e.trigger)}” — `,
    e.actor.map((p) => `${p.name || said(p.span)} (${p.country || "?"} ${p.sector || ""})`).join(", ") || "?", " → ",
    e.recipient.map((p) => `${p.name || said(p.span)} (${p.country || "?"} ${p.sector || ""})`).join(", ") || "?",
    e.date ? ` · ${e.date}` : "", ...flags(e))));
  document.getElementById("doc-quotes").replaceChildren(...(doc.quotes || []).map((q) => el("li", {},
    `${q.speaker_name || said(q.speaker) || "?"}: « ${said(q.content)} »`)));
  show("document");
}

async function refreshStatus() {
  const status = await api("/api/status");
  const records = Object.entries(status.records).map(([k, n]) => `${n} ${k}`).join(", ");
  document.getElementById("status").textContent = `${status.documents} documents (${status.failed} failed); ${records}`;
}

function listen() {
  if (!window.EventSource) return;
  const stream = new EventSource("/api/stream");
  stream.addEventListener("open", () => { document.body.dataset.live = "on"; });
  stream.addEventListener("error", () => { document.body.dataset.live = "off"; });
  stream.addEventListener("document", (message) => {
    const doc = JSON.parse(message.data);
    document.getElementById("live").prepend(el("li", {}, "new: ", doc.title || doc.origin || doc.id, " — ", doc.source || ""));
    document.getElementById("document-rows").prepend(documentRow(doc));
    refreshStatus();
  });
}

window.addEventListener("unhandledrejection", (e) => {
  document.getElementById("status").textContent = "could not reach the API: " + (e.reason && e.reason.message);
});

function main() {
  const select = document.querySelector("select[name=type]");
  for (const category of PLOVER) select.append(el("option", { value: category }, category));
  for (const button of document.querySelectorAll("nav button")) {
    button.addEventListener("click", () => show(button.dataset.tab));
  }
  document.getElementById("back").addEventListener("click", () => show("events"));
  const eventForm = document.getElementById("event-filters");
  eventForm.addEventListener("submit", (e) => { e.preventDefault(); loadEvents(eventForm); });
  const quoteForm = document.getElementById("quote-filters");
  quoteForm.addEventListener("submit", (e) => { e.preventDefault(); loadQuotes(quoteForm); });
  refreshStatus();
  loadEvents(eventForm);
  loadQuotes(quoteForm);
  loadDocuments();
  loadStories();
  listen();
}

main();
