// The search page. Article text comes from the open web, so every string from the API reaches the page
// through textContent or as an attribute value; snippets, which the server sends as escaped HTML around
// <mark> tags, are rebuilt node by node from an inert parse, never assigned as markup.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const SERIES_COLOURS = ["#c2410c", "#0f766e", "#7c3aed", "#be185d", "#4d7c0f"];
const LIVE_LIMIT = 30;

const form = document.getElementById("search");
const input = document.getElementById("q");
const sortSelect = document.getElementById("sort");
const status = document.getElementById("status");
const results = document.getElementById("results");
const moreButton = document.getElementById("more");
const facetsBox = document.getElementById("facets");
const activeFilters = document.getElementById("active-filters");
const timelineBox = document.getElementById("timeline");
const timelineLegend = document.getElementById("timeline-legend");
const coverageNote = document.getElementById("coverage-note");
const liveList = document.getElementById("live-list");
const liveState = document.getElementById("live-state");
const articleView = document.getElementById("article-view");
const storyView = document.getElementById("story-view");
const alertView = document.getElementById("alert-view");
const alertForm = document.getElementById("alert-form");
const ruleList = document.getElementById("rule-list");

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const token = new URLSearchParams(location.search).get("token");

let state = readState();
let nextCursor = null;

// ---- state in the address bar, so a search can be bookmarked, shared and gone back to

function readState() {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get("q") || "",
    sort: params.get("sort") || "",
    entities: params.getAll("entity"),
    sources: params.getAll("source"),
    from: params.get("from") || "",
    to: params.get("to") || "",
  };
}

function stateParams(extra) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort) params.set("sort", state.sort);
  state.entities.forEach((entity) => params.append("entity", entity));
  state.sources.forEach((source) => params.append("source", source));
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  for (const [name, value] of Object.entries(extra || {})) params.set(name, value);
  return params;
}

function navigate(change) {
  state = Object.assign({}, state, change);
  const params = stateParams();
  if (token) params.set("token", token);
  const query = params.toString();
  history.pushState(null, "", query ? "?" + query : location.pathname);
  refresh();
}

window.addEventListener("popstate", () => {
  state = readState();
  refresh();
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  navigate({ q: input.value.trim(), sort: sortSelect.value });
});

sortSelect.addEventListener("change", () => navigate({ q: input.value.trim(), sort: sortSelect.value }));

moreButton.addEventListener("click", () => loadPage(true));

// ---- talking to the API

async function api(path, method, payload) {
  const headers = token ? { Authorization: "Bearer " + token } : {};
  const options = { headers, method: method || "GET" };
  if (payload !== undefined) {
    headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(payload);
  }
  const response = await fetch(path, options);
  if (response.status === 204) return null;
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    body = null;
  }
  if (!response.ok) {
    throw new Error((body && body.error) || "The search service answered " + response.status + ".");
  }
  return body;
}

function refresh() {
  input.value = state.q;
  sortSelect.value = state.sort;
  renderActiveFilters();
  loadPage(false);
  loadTimeline();
}

async function loadPage(append) {
  status.textContent = "Searching…";
  const params = stateParams({ size: "20" });
  if (append && nextCursor) params.set("cursor", nextCursor);
  try {
    const page = await api("/api/search?" + params);
    status.textContent = page.total === 1 ? "1 article" : page.total + " articles";
    if (append) {
      results.append(...page.hits.map(renderHit));
    } else {
      results.replaceChildren(...page.hits.map(renderHit));
      renderFacets(page.facets);
    }
    nextCursor = page.nextCursor;
    moreButton.hidden = !nextCursor;
  } catch (error) {
    status.textContent = error.message;
    if (!append) {
      results.replaceChildren();
      facetsBox.replaceChildren();
    }
    moreButton.hidden = true;
  }
}

// ---- results

function renderHit(hit) {
  const item = element("li", "hit");

  const heading = element("h2");
  const open = element("button", "title-link", hit.title || hit.url);
  open.type = "button";
  open.addEventListener("click", () => showArticle(hit.id));
  heading.append(open);

  const meta = element("p", "meta");
  meta.append(element("span", "source", hit.source || ""));
  if (hit.publishedAt) meta.append(timeElement(hit.publishedAt));
  if (isWebAddress(hit.url)) {
    const link = element("a", null, "original");
    link.href = hit.url;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    meta.append(link);
  }
  if (hit.outlets.length > 1) {
    const story = element("button", "outlets", hit.outlets.length + " outlets");
    story.type = "button";
    story.title = hit.outlets.join(", ");
    story.addEventListener("click", () => showStory(hit.storyId));
    meta.append(story);
  }

  const snippet = element("p", "snippet");
  snippet.append(...snippetNodes(hit.snippet));

  item.append(heading, meta, snippet, entityChips(hit.entities));
  return item;
}

// The server escapes snippets; this keeps only their text and <mark> tags, whatever they hold.
function snippetNodes(html) {
  const parsed = new DOMParser().parseFromString(html || "", "text/html");
  return Array.from(parsed.body.childNodes, (node) =>
    node.nodeName === "MARK" ? element("mark", null, node.textContent) : document.createTextNode(node.textContent));
}

function entityChips(entities) {
  const chips = element("ul", "entities");
  for (const entity of entities) {
    const chip = element("button", "entity", entity);
    chip.type = "button";
    chip.title = "Only articles mentioning " + entity;
    chip.addEventListener("click", () => addEntity(entity));
    const chipItem = element("li");
    chipItem.append(chip);
    chips.append(chipItem);
  }
  return chips;
}

function addEntity(entity) {
  closeDialogs();
  if (!state.entities.includes(entity)) navigate({ entities: state.entities.concat(entity) });
}

// ---- facets and the filters they set

const FACET_GROUPS = [
  { key: "entities", title: "Entities", pick: (value) => addEntity(value) },
  { key: "kinds", title: "Kinds", pick: (value) => addQueryClause("kind:" + value) },
  { key: "sources", title: "Sources", pick: (value) => {
    if (!state.sources.includes(value)) navigate({ sources: state.sources.concat(value) });
  } },
  { key: "languages", title: "Languages", pick: (value) => addQueryClause("language:" + value) },
];

function addQueryClause(clause) {
  if (!state.q.split(/\s+/).includes(clause)) navigate({ q: (state.q ? state.q + " " : "") + clause });
}

function renderFacets(facets) {
  const groups = [];
  for (const group of FACET_GROUPS) {
    const counts = Object.entries(facets[group.key] || {});
    if (counts.length === 0) continue;
    const section = element("section", "facet");
    section.dataset.facet = group.key;
    section.append(element("h2", null, group.title));
    const list = element("ul");
    for (const [value, count] of counts) {
      const button = element("button", "facet-value");
      button.type = "button";
      button.append(element("span", "label", value), element("span", "count", String(count)));
      button.addEventListener("click", () => group.pick(value));
      const item = element("li");
      item.append(button);
      list.append(item);
    }
    section.append(list);
    groups.push(section);
  }
  facetsBox.replaceChildren(...groups);
}

function renderActiveFilters() {
  const chips = [];
  state.entities.forEach((entity) => chips.push(removable("entity", entity,
      () => navigate({ entities: state.entities.filter((e) => e !== entity) }))));
  state.sources.forEach((source) => chips.push(removable("source", source,
      () => navigate({ sources: state.sources.filter((s) => s !== source) }))));
  if (state.from || state.to) {
    const range = state.from === state.to ? state.from : (state.from || "…") + " to " + (state.to || "…");
    chips.push(removable("published", range, () => navigate({ from: "", to: "" })));
  }
  activeFilters.replaceChildren(...chips);
  activeFilters.hidden = chips.length === 0;
}

function removable(kind, value, remove) {
  const chip = element("button", "active-filter");
  chip.type = "button";
  chip.title = "Remove this filter";
  chip.append(element("span", "kind", kind + ":"), document.createTextNode(" " + value + " "), element("span", "x", "×"));
  chip.addEventListener("click", remove);
  return chip;
}

// ---- the timeline: articles per day, overall as bars and the leading entities as lines

async function loadTimeline() {
  // A single day is charted by the hour; anything longer by the day.
  const interval = state.from && state.from === state.to ? "hour" : "day";
  try {
    const timeline = await api("/api/timeline?" + stateParams({ interval }));
    drawTimeline(timeline);
  } catch (error) {
    timelineBox.replaceChildren(element("p", "note", error.message));
    timelineLegend.replaceChildren();
    coverageNote.textContent = "";
  }
}

function drawTimeline(timeline) {
  const buckets = timeline.overall.length;
  if (buckets === 0) {
    timelineBox.replaceChildren(element("p", "note", "No coverage to chart."));
    timelineLegend.replaceChildren();
    coverageNote.textContent = "";
    return;
  }
  const daily = timeline.interval === "DAY";
  const bucketMillis = daily ? 86400000 : 3600000;
  const label = (i) => {
    const iso = new Date(Date.parse(timeline.start) + i * bucketMillis).toISOString();
    return daily ? iso.slice(0, 10) : iso.slice(0, 13) + ":00Z";
  };
  const width = 600, height = 140, top = 8, bottom = 22;
  const max = Math.max(1, ...timeline.overall);
  const step = width / buckets;
  const barWidth = Math.max(1, Math.min(step * 0.8, 40));
  const x = (i) => (i + 0.5) * step;
  const y = (count) => top + (height - top - bottom) * (1 - count / max);
  const svg = svgElement("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart" });
  svg.append(svgElement("title", {}, daily ? "Articles per day" : "Articles per hour"));

  timeline.overall.forEach((count, i) => {
    const bucket = label(i);
    const bar = svgElement("rect", {
      x: x(i) - barWidth / 2, y: y(count), width: barWidth, height: height - bottom - y(count),
      class: daily ? "bar" : "bar hour", "data-bucket": bucket,
    });
    bar.append(svgElement("title", {}, `${bucket}: ${count} article${count === 1 ? "" : "s"}`));
    if (daily) {
      bar.setAttribute("tabindex", "0");
      bar.dataset.day = bucket;
      const pick = () => navigate({ from: bucket, to: bucket });
      bar.addEventListener("click", pick);
      bar.addEventListener("keydown", (event) => { if (event.key === "Enter") pick(); });
    }
    svg.append(bar);
  });

  const legend = [];
  Object.entries(timeline.entities).forEach(([entity, counts], index) => {
    const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
    const series = svgElement("g", { class: "series", stroke: colour, fill: colour });
    series.append(svgElement("title", {}, entity));
    if (buckets > 1) {
      series.append(svgElement("polyline", { points: counts.map((count, i) => `${x(i)},${y(count)}`).join(" ") }));
    }
    counts.forEach((count, i) => {
      if (count > 0) series.append(svgElement("circle", { cx: x(i), cy: y(count), r: 2.5 }));
    });
    svg.append(series);
    const item = element("li");
    const button = element("button", "legend-entry");
    button.type = "button";
    button.title = "Only articles mentioning " + entity;
    const swatch = element("span", "swatch");
    swatch.style.background = colour;
    button.append(swatch, document.createTextNode(entity));
    button.addEventListener("click", () => addEntity(entity));
    item.append(button);
    legend.push(item);
  });

  svg.append(svgElement("text", { x: 0, y: height - 6, class: "axis" }, label(0)));
  if (buckets > 1) {
    svg.append(svgElement("text", { x: width, y: height - 6, class: "axis", "text-anchor": "end" }, label(buckets - 1)));
  }
  svg.append(svgElement("text", { x: 2, y: top + 10, class: "axis" }, String(max)));
  timelineBox.replaceChildren(svg);
  timelineLegend.replaceChildren(...legend);
  coverageNote.textContent = daily
    ? "articles per day, UTC; click a day to keep only it"
    : "articles per hour, UTC";
}

// ---- the article view: full text, every mention marked from its offsets, quotes, articles like it

async function showArticle(id) {
  const title = document.getElementById("article-title");
  const body = document.getElementById("article-body");
  const meta = document.getElementById("article-meta");
  const quotes = document.getElementById("article-quotes");
  const similar = document.getElementById("article-similar");
  title.textContent = "Loading…";
  [body, meta, quotes, similar].forEach((node) => node.replaceChildren());
  document.getElementById("article-entities").replaceChildren();
  openDialog(articleView);
  try {
    const tagged = await api("/api/articles/" + encodeURIComponent(id));
    const article = tagged.article;
    title.replaceChildren(...marked(article.title, tagged.mentions, "title"));
    meta.append(element("span", "source", article.source || ""));
    if (article.publishedAt) meta.append(timeElement(article.publishedAt));
    if (article.byline) meta.append(element("span", "byline", article.byline));
    if (isWebAddress(article.url)) {
      const link = element("a", null, "original");
      link.href = article.url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      meta.append(link);
    }
    document.getElementById("article-entities").replaceWith(withId(entityChips(tagged.entities), "article-entities"));
    body.append(...marked(article.body, tagged.mentions, "body"));
    document.getElementById("article-quotes-section").hidden = tagged.quotes.length === 0;
    for (const quote of tagged.quotes) {
      const item = element("li");
      item.append(element("q", null, quote.text), document.createTextNode(" — "), element("span", "speaker", quote.entity));
      quotes.append(item);
    }
    const like = await api("/api/articles/" + encodeURIComponent(id) + "/similar");
    similar.append(...like.articles.map(articleLink));
    if (like.articles.length === 0) similar.append(element("li", "note", "Nothing alike yet."));
  } catch (error) {
    title.textContent = error.message;
  }
}

// Text with <mark> around each mention in this field; overlapping mentions keep the first.
function marked(text, mentions, field) {
  const nodes = [];
  let at = 0;
  const inField = mentions
    .filter((m) => m.field === field && m.end > m.start && m.end <= text.length)
    .sort((a, b) => a.start - b.start);
  for (const mention of inField) {
    if (mention.start < at) continue;
    nodes.push(document.createTextNode(text.slice(at, mention.start)));
    const mark = element("mark", "mention", text.slice(mention.start, mention.end));
    mark.title = mention.entity;
    mark.dataset.entity = mention.entity;
    nodes.push(mark);
    at = mention.end;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

function articleLink(hit) {
  const item = element("li");
  const button = element("button", "title-link", hit.title || hit.url);
  button.type = "button";
  button.addEventListener("click", () => showArticle(hit.id));
  item.append(button, document.createTextNode(" "), element("span", "source", hit.source || ""));
  if (hit.publishedAt) item.append(document.createTextNode(" "), timeElement(hit.publishedAt));
  return item;
}

// ---- the story view: who ran it, first to publish first

async function showStory(storyId) {
  const list = document.getElementById("story-articles");
  list.replaceChildren(element("li", "note", "Loading…"));
  openDialog(storyView);
  try {
    const story = await api("/api/stories/" + encodeURIComponent(storyId));
    document.getElementById("story-title").textContent = story.outlets.length + " outlets ran this story";
    list.replaceChildren(...story.articles.map(articleLink));
  } catch (error) {
    list.replaceChildren(element("li", "note", error.message));
  }
}

// ---- the live panel: each article as soon as it is searchable

function listenLive() {
  const events = new EventSource("/api/live" + (token ? "?token=" + encodeURIComponent(token) : ""));
  events.addEventListener("open", () => { liveState.textContent = "connected"; });
  events.addEventListener("error", () => { liveState.textContent = "reconnecting…"; });
  events.addEventListener("article", (event) => {
    let article;
    try {
      article = JSON.parse(event.data);
    } catch (error) {
      return;
    }
    const item = element("li", article.about ? "live-item about" : "live-item");
    const open = element("button", "title-link", article.title || article.id);
    open.type = "button";
    open.addEventListener("click", () => showArticle(article.id));
    const meta = element("p", "meta");
    meta.append(element("span", "source", article.source || ""));
    if (article.publishedAt) meta.append(timeElement(article.publishedAt));
    item.append(open, meta, entityChips(article.entities || []));
    liveList.prepend(item);
    while (liveList.children.length > LIVE_LIMIT) liveList.lastElementChild.remove();
  });
  events.addEventListener("alert", (event) => {
    try {
      showAlert(JSON.parse(event.data));
    } catch (error) {
      // not an alert this page understands
    }
  });
}

// ---- alerts: a rule from the current search, previewed before it is saved; the rules; alerts as they come

let draftRule = null;

// The search as a rule: one entity and one source become filters, more of them clauses of the query.
function ruleFromSearch() {
  const clauses = state.q ? ["(" + state.q + ")"] : [];
  const filters = {};
  state.entities.forEach((entity, i) => { if (i === 0) filters.entity = entity; else clauses.push("entity:" + entity); });
  state.sources.forEach((source, i) => { if (i === 0) filters.source = source; else clauses.push("source:" + source); });
  if (state.from) filters.from = state.from;
  if (state.to) filters.to = state.to;
  const query = clauses.length === 0 ? "*:*" : clauses.length === 1 && state.q ? state.q : clauses.join(" AND ");
  const name = state.q || state.entities.concat(state.sources).join(", ") || "Everything";
  return { name, query, filters };
}

document.getElementById("alert-me").addEventListener("click", async () => {
  draftRule = ruleFromSearch();
  document.getElementById("alert-name").value = draftRule.name;
  document.getElementById("alert-query").textContent = draftRule.query;
  document.getElementById("alert-filters").textContent = Object.entries(draftRule.filters)
    .map(([name, value]) => name + ":" + value).join(" ");
  const preview = document.getElementById("alert-preview");
  const samples = document.getElementById("alert-samples");
  preview.textContent = "Counting what it would have matched…";
  samples.replaceChildren();
  openDialog(alertView);
  try {
    const counts = await api("/api/alert-rules/preview", "POST", draftRule);
    preview.textContent = `It would have alerted on ${counts.lastWeek} articles in the last 7 days ` +
      `and ${counts.lastMonth} in the last 30.`;
    samples.append(...counts.samples.map((sample) => articleLink(sample)));
  } catch (error) {
    preview.textContent = error.message;
  }
});

alertForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const preview = document.getElementById("alert-preview");
  try {
    await api("/api/alert-rules", "POST",
      Object.assign({}, draftRule, { name: document.getElementById("alert-name").value.trim() }));
    alertView.close();
    loadRules();
  } catch (error) {
    preview.textContent = error.message;
  }
});

async function loadRules() {
  try {
    const answer = await api("/api/alert-rules");
    ruleList.replaceChildren(...answer.rules.map(renderRule));
  } catch (error) {
    // A server without alerts: the page offers none.
    document.getElementById("rules").hidden = true;
    document.getElementById("alert-me").hidden = true;
  }
}

function renderRule(rule) {
  const item = element("li", "rule");
  item.dataset.rule = rule.id;
  const remove = element("button", "delete-rule", "×");
  remove.type = "button";
  remove.title = "Delete this rule";
  remove.setAttribute("aria-label", "Delete rule " + rule.name);
  remove.addEventListener("click", async () => {
    try {
      await api("/api/alert-rules/" + encodeURIComponent(rule.id), "DELETE");
      item.remove();
    } catch (error) {
      item.title = error.message;
    }
  });
  const name = element("span", "rule-name", rule.name);
  name.title = rule.query;
  item.append(name, remove);
  return item;
}

// Why an alert is not pushed to webhooks yet: its rule's pace (see Alert.pacing on the server).
const PACING = {
  "held": "held: the rule's hourly limit is reached",
  "digest-pending": "waiting for the rule's digest",
  "digested": "sent in a digest",
};

// An alert replaces the panel's item of the same id, so a copy joining it updates "also in" in place.
function showAlert(alert) {
  const item = element("li", "live-item alert " + alert.kind);
  item.dataset.alert = alert.id;
  const kindLabel = { updated: "Updated · ", digest: "Digest · " }[alert.kind] || "Alert · ";
  const label = element("p", "alert-label", kindLabel + (alert.ruleName || ""));
  const title = isWebAddress(alert.url) ? element("a", "title-link", alert.title || alert.url) : element("span", "title-link", alert.title || "");
  if (isWebAddress(alert.url)) {
    title.href = alert.url;
    title.rel = "noopener noreferrer";
    title.target = "_blank";
  }
  item.append(label, title);
  const outlets = alert.outlets || [];
  if (outlets.length > 0) item.append(element("p", "meta", outlets[0]));
  if (outlets.length > 1) item.append(element("p", "also-in", "also in: " + outlets.slice(1).join(", ")));
  if ((alert.matchedTerms || []).length > 0) item.append(element("p", "why", "why: " + alert.matchedTerms.join(", ")));
  if (alert.snippet && ["gap", "gap-closed", "digest"].includes(alert.kind)) item.append(element("p", "meta", alert.snippet));
  const pacing = PACING[alert.pacing];
  if (pacing) item.append(element("p", "pacing", pacing));
  const previous = Array.from(liveList.children).find((node) => node.dataset.alert === alert.id);
  if (previous) previous.replaceWith(item); else liveList.prepend(item);
  while (liveList.children.length > LIVE_LIMIT) liveList.lastElementChild.remove();
}

// ---- small helpers

function openDialog(dialog) {
  if (!dialog.open) dialog.showModal();
}

function closeDialogs() {
  [articleView, storyView, alertView].forEach((dialog) => { if (dialog.open) dialog.close(); });
}

document.querySelectorAll("[data-close]").forEach((button) =>
  button.addEventListener("click", () => button.closest("dialog").close()));

[articleView, storyView, alertView].forEach((dialog) => dialog.addEventListener("click", (event) => {
  if (event.target === dialog) dialog.close();
}));

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function svgElement(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function withId(node, id) {
  node.id = id;
  return node;
}

function timeElement(iso) {
  const time = element("time", null, timeFormat.format(new Date(iso)));
  time.dateTime = iso;
  time.title = dayFormat.format(new Date(iso)) + " (UTC)";
  return time;
}

// Only http(s) links: a javascript: URL from a hostile feed must not become a clickable script.
function isWebAddress(url) {
  try {
    const protocol = new URL(url).protocol;
    return protocol === "https:" || protocol === "http:";
  } catch (error) {
    return false;
  }
}

refresh();
listenLive();
loadRules();
