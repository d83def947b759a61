// The search page. Article text comes from the open web: every string from the API is inserted with
// textContent, except the snippet, which the server has already escaped around its <mark> tags.
"use strict";

const form = document.getElementById("search");
const input = document.getElementById("q");
const status = document.getElementById("status");
const results = document.getElementById("results");
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

form.addEventListener("submit", (event) => {
  event.preventDefault();
  search(input.value);
});

window.addEventListener("popstate", () => showQueryFromAddress());

function showQueryFromAddress() {
  const query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  run(query);
}

function search(query) {
  const address = query ? "?q=" + encodeURIComponent(query) : location.pathname;
  history.pushState(null, "", address);
  run(query);
}

async function run(query) {
  status.textContent = "Searching…";
  try {
    const response = await fetch("/api/search?size=50&q=" + encodeURIComponent(query));
    const body = await response.json();
    if (!response.ok) {
      status.textContent = body.error || "The search failed.";
      results.replaceChildren();
      return;
    }
    status.textContent = body.total === 1 ? "1 article" : body.total + " articles";
    results.replaceChildren(...body.hits.map(renderHit));
  } catch (error) {
    status.textContent = "The search service cannot be reached.";
  }
}

function renderHit(hit) {
  const item = element("li", "hit");

  const heading = element("h2");
  const link = element("a", null, hit.title || hit.url);
  if (isWebAddress(hit.url)) {
    link.href = hit.url;
    link.rel = "noopener noreferrer";
  }
  heading.append(link);

  const meta = element("p", "meta");
  meta.append(element("span", "source", hit.source || ""));
  if (hit.publishedAt) {
    const time = element("time", null, dateFormat.format(new Date(hit.publishedAt)));
    time.dateTime = hit.publishedAt;
    meta.append(time);
  }

  const snippet = element("p", "snippet");
  snippet.innerHTML = hit.snippet; // escaped by the server; only <mark> is markup

  const chips = element("ul", "entities");
  for (const entity of hit.entities) {
    const chip = element("button", "entity", entity);
    chip.type = "button";
    chip.title = "Articles mentioning " + entity;
    chip.addEventListener("click", () => {
      input.value = 'entity:"' + entity + '"';
      search(input.value);
    });
    const chipItem = element("li");
    chipItem.append(chip);
    chips.append(chipItem);
  }

  item.append(heading, meta, snippet, chips);
  return item;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
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

showQueryFromAddress();
