// Storefront Insights dashboard: plain DOM, no framework, no CDN. Every call goes to the public API with
// the key the analyst entered (kept for this tab only); each panel shows its own error or empty state.
"use strict";

const KEY_STORE = "storefront.apiKey";
const $ = (id) => document.getElementById(id);

function key() { return sessionStorage.getItem(KEY_STORE) || ""; }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (name === "class") node.className = value; else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Calls the API; resolves with the JSON body, rejects with the problem's detail. */
async function api(path, options = {}) {
  const headers = Object.assign({ "Authorization": "Bearer " + key() }, options.headers || {});
  // "no-cache": always revalidate (a cheap 304 by ETag) so that a finished import shows at once
  const response = await fetch(path, Object.assign({ cache: "no-cache" }, options, { headers }));
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : null;
  if (!response.ok) {
    const detail = body && body.detail ? body.detail : response.status + " " + response.statusText;
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return { body, response };
}

function showError(target, error) {
  target.replaceChildren(el("p", { class: "error", role: "alert" },
    error.status === 401 ? "Enter a valid API key above to see this." :
    error.status === 403 ? "Your key's role may not see this: " + error.message :
    error.status === 503 ? "This service is unavailable right now: " + error.message : error.message));
}

function money(value, currency) {
  return new Intl.NumberFormat("en-IN", { style: "currency", currency: currency || "INR", maximumFractionDigits: 0 }).format(value);
}

// ---- overview: KPI tiles and chart panels ---------------------------------------------------------

const SALES_VIEWS = [
  ["Sales trend and forecast", "/api/v1/analytics/sales/trend", { interval: "month" }],
  ["Payment modes", "/api/v1/analytics/sales/payment-modes", {}],
  ["Regions", "/api/v1/analytics/sales/regions", {}],
  ["Profit by sub-category", "/api/v1/analytics/sales/profit", { by: "sub-category" }],
  ["Top products", "/api/v1/analytics/products/top", { by: "revenue" }],
  ["Treemap", "/api/v1/analytics/products/treemap", { level: "sub-category" }],
  ["Average order value", "/api/v1/analytics/products/average-order-value", {}],
];
const CUSTOMER_VIEWS = [
  ["Value segments", "/api/v1/analytics/customers/segments", {}],
  ["RFM", "/api/v1/analytics/customers/rfm", {}],
  ["Behaviour clusters", "/api/v1/analytics/customers/clusters", {}],
  ["Purchase frequency", "/api/v1/analytics/customers/frequency", {}],
  ["Cohort retention", "/api/v1/analytics/customers/cohorts", {}],
];

/** The data's whole date range, as the dimensions gave it. */
const dataRange = { from: "", to: "" };

function filters() {
  const params = {};
  // the whole range is asked for without dates: the same query the service computes ahead after an import
  if ($("from").value && $("from").value !== dataRange.from) params.from = $("from").value;
  if ($("to").value && $("to").value !== dataRange.to) params.to = $("to").value;
  if ($("category").value) params.category = $("category").value;
  if ($("state").value) params.state = $("state").value;
  return params;
}

function query(params) {
  const q = new URLSearchParams(params).toString();
  return q ? "?" + q : "";
}

/** One panel per view: its charts (base64 PNG from the view) with their titles and alt text. */
async function renderView(container, title, path, params) {
  const panel = el("div", { class: "panel", "aria-busy": "true" }, el("h3", {}, title), el("p", { class: "muted" }, "Loading…"));
  container.append(panel);
  try {
    const { body } = await api(path + query(Object.assign({ charts: "png" }, params)));
    const figures = (body.charts || []).map((chart) => el("figure", {},
      el("img", { src: "data:" + chart.mediaType + ";base64," + chart.data, alt: chart.alt || chart.title || title,
        "data-chart": chart.name }),
      el("figcaption", {}, chart.title || "")));
    panel.replaceChildren(el("h3", {}, title), ...(figures.length ? figures : [el("p", { class: "empty" }, "No data for this selection.")]));
  } catch (error) {
    panel.replaceChildren(el("h3", {}, title));
    const message = el("div");
    showError(message, error);
    panel.append(message);
  } finally {
    panel.removeAttribute("aria-busy");
  }
}

/** The tiles; resolves with the selection's order and customer counts (null when unknown). */
async function renderKpis(params) {
  const target = $("kpis");
  try {
    const { body } = await api("/api/v1/analytics/sales/summary" + query(Object.assign({ charts: "none" }, params)));
    const t = body.totals;
    const tiles = [["Revenue", money(t.revenue, body.currency)], ["Orders", t.orders.toLocaleString("en-IN")],
      ["Average order value", t.orders ? money(t.revenue / t.orders, body.currency) : "–"],
      ["Profit", money(t.profit, body.currency)], ["Margin", (100 * t.margin).toFixed(1) + " %"]];
    let customers = null;
    try {
      const segments = await api("/api/v1/analytics/customers/segments" + query({ charts: "none", ...(params.state ? { state: params.state } : {}) }));
      customers = Number(segments.body.customers);
      tiles.push(["Customers", customers.toLocaleString("en-IN")]);
    } catch (ignored) { /* the customers tile is left out when that view is not allowed */ }
    target.replaceChildren(...tiles.map(([label, value]) =>
      el("div", { class: "kpi", "data-kpi": label }, el("div", { class: "muted" }, label), el("div", { class: "value" }, value))));
    return { orders: t.orders, customers };
  } catch (error) {
    showError(target, error);
    return { orders: null, customers: null };
  }
}

async function loadDimensions() {
  try {
    const { body } = await api("/api/v1/analytics/sales/dimensions");
    const select = $("category");
    select.replaceChildren(el("option", { value: "" }, "All categories"),
      ...(body.categories || []).map((c) => el("option", { value: c.name }, c.name)));
    $("state").replaceChildren(el("option", { value: "" }, "All regions"),
      ...(body.states || []).map((s) => el("option", { value: s.name }, s.name)));
    dataRange.from = body.from || "";
    dataRange.to = body.to || "";
    if (body.from) $("from").value = $("from").value || body.from;
    if (body.to) $("to").value = $("to").value || body.to;
  } catch (error) {
    showError($("filters-state"), error);
  }
}

async function renderOverview() {
  const params = filters();
  $("filters-state").textContent = "";
  const sales = $("sales-panels");
  const customers = $("customer-panels");
  sales.replaceChildren();
  customers.replaceChildren();
  // the tiles say whether there is anything to draw: an empty selection gets one clear sentence per panel
  const counts = await renderKpis(params);
  SALES_VIEWS.forEach(([title, path, extra]) => {
    if (counts.orders === 0) emptyPanel(sales, title, "No orders in this selection. Widen the filters, or import orders below.");
    else renderView(sales, title, path, Object.assign({}, extra, params));
  });
  // customer views describe whole customer histories: only the region narrows them
  const region = params.state ? { state: params.state } : {};
  CUSTOMER_VIEWS.forEach(([title, path, extra]) => {
    if (counts.customers === 0) emptyPanel(customers, title, "No customers with orders yet.");
    else renderView(customers, title, path, Object.assign({}, extra, region));
  });
}

function emptyPanel(container, title, message) {
  container.append(el("div", { class: "panel" }, el("h3", {}, title), el("p", { class: "empty" }, message)));
}

// ---- reviews ------------------------------------------------------------------------------------

let scoreTimer = null;

async function scoreReview() {
  const target = $("review-result");
  const text = $("review-text").value;
  if (!text.trim()) { target.replaceChildren(el("p", { class: "empty" }, "Type a review to score it.")); return; }
  try {
    const { body } = await api("/sentiment", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text }) });
    if (body.language === "unknown") {
      target.replaceChildren(el("p", {}, "Label: ", el("span", { class: "label-unknown" }, "unknown"),
        " · this does not read as English, which is the only language scored"));
      return;
    }
    const summary = el("p", {}, "Label: ", el("span", { class: "label-" + body.label }, body.label),
      " · polarity " + body.polarity + " · subjectivity " + body.subjectivity + " · confidence " + body.confidence);
    target.replaceChildren(summary, highlighted(text, body.aspects || []), aspectList(body.aspects || []));
  } catch (error) {
    showError(target, error);
  }
}

/** The text with each aspect's words marked by its polarity (built as text nodes: nothing is parsed as HTML). */
function highlighted(text, aspects) {
  const marks = [];
  for (const a of aspects) {
    const word = (a.aspect || "").toLowerCase();
    if (!word) continue;
    let at = text.toLowerCase().indexOf(word);
    while (at >= 0) {
      marks.push([at, at + word.length, a.polarity > 0.05 ? "pos" : a.polarity < -0.05 ? "neg" : "neu"]);
      at = text.toLowerCase().indexOf(word, at + word.length);
    }
  }
  marks.sort((x, y) => x[0] - y[0]);
  const out = el("p", { class: "review-text" });
  let position = 0;
  for (const [start, end, kind] of marks) {
    if (start < position) continue;
    out.append(text.slice(position, start), el("mark", { class: kind }, text.slice(start, end)));
    position = end;
  }
  out.append(text.slice(position));
  return out;
}

function aspectList(aspects) {
  if (!aspects.length) return el("p", { class: "empty" }, "No aspect found.");
  return el("ul", {}, ...aspects.map((a) => el("li", {}, a.aspect + ": " + a.polarity)));
}

async function showProductSentiment(event) {
  event.preventDefault();
  const target = $("product-sentiment");
  const id = $("product-id").value.trim();
  if (!id) return;
  try {
    const { body } = await api("/api/v1/sentiment/products/" + encodeURIComponent(id));
    const s = body.summary;
    target.replaceChildren(
      el("p", {}, s.reviews + " reviews · mean polarity " + s.meanPolarity + " · " + Math.round(100 * s.positiveShare)
        + " % positive, " + Math.round(100 * s.negativeShare) + " % negative · " + s.mismatches + " rating–text mismatches"
        + (s.scored < s.reviews ? " · " + (s.reviews - s.scored) + " not in English, so not in these figures" : "")),
      el("h4", {}, "Most praised"), aspectList((body.mostPraised || []).map((a) => ({ aspect: a.aspect, polarity: a.meanPolarity }))),
      el("h4", {}, "Most criticised"), aspectList((body.mostCriticised || []).map((a) => ({ aspect: a.aspect, polarity: a.meanPolarity }))));
  } catch (error) {
    showError(target, error);
  }
}

// ---- recommendations ----------------------------------------------------------------------------

async function recommend(event) {
  event.preventDefault();
  const target = $("recommend-result");
  const id = $("customer-id").value.trim();
  if (!id) return;
  try {
    const params = { user: id, k: 10, excludeBought: $("exclude-bought").checked };
    const { body } = await api("/recommend" + query(params));
    if (!body.items.length) { target.replaceChildren(el("p", { class: "empty" }, "Nothing to recommend yet.")); return; }
    const basis = { history: "Based on their purchases.", preferences: "Based on their stated preferences.",
      popularity: "A customer with no purchases yet: what sells now." }[body.basis] || body.basis;
    target.replaceChildren(el("p", { class: "muted" }, basis),
      el("ol", { class: "recs" }, ...body.items.map((item) => el("li", { "data-product": item.productId },
        el("strong", {}, item.name), " (" + item.category + " / " + item.subCategory + ")",
        el("div", { class: "why" }, (item.reasons || []).join(" · "))))));
  } catch (error) {
    showError(target, error);
  }
}

// ---- imports ------------------------------------------------------------------------------------

async function startImport(event) {
  event.preventDefault();
  const target = $("import-result");
  const file = $("import-file").files[0];
  if (!file) { target.replaceChildren(el("p", { class: "error" }, "Choose a CSV file first.")); return; }
  const form = new FormData();
  form.append("file", file, file.name);
  const bar = $("import-progress");
  bar.hidden = false;
  bar.value = 0;
  try {
    const { response } = await api($("import-kind").value, { method: "POST", body: form });
    const location = new URL(response.headers.get("Location"), window.location.href).pathname;
    let job;
    do {
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = (await api(location)).body;
      bar.value = job.percent || 0;
      target.replaceChildren(el("p", { role: "status" }, job.status + " · " + Math.round(job.percent || 0) + " %"
        + (job.etaSeconds ? " · about " + job.etaSeconds + " s left" : "")));
    } while (job.status === "queued" || job.status === "running");
    bar.value = job.status === "succeeded" ? 100 : bar.value;
    const rejected = job.errors || [];
    target.replaceChildren(
      el("p", { class: job.status === "succeeded" ? "" : "error", "data-status": job.status },
        job.status === "succeeded" ? "Done: " + (job.rowsStored ?? "") + " rows stored, " + (job.rowsRejected ?? rejected.length) + " rejected."
          : "Failed: " + (job.failure || "see the rows below")),
      rejected.length ? el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Line"), el("th", {}, "Field"), el("th", {}, "Reason"))),
        el("tbody", {}, ...rejected.map((r) => el("tr", {}, el("td", {}, r.line ?? ""), el("td", {}, r.field ?? r.column ?? ""), el("td", {}, r.message ?? ""))))) : el("p", { class: "muted" }, "No row was rejected."));
  } catch (error) {
    showError(target, error);
  }
}

// ---- personal data ------------------------------------------------------------------------------

/** What each service's records are called for a person reading them, by service and kind. */
const HELD = [
  ["analytics", "orders", "orders (kept anonymous in the figures when erased)"],
  ["sentiment", "reviews", "reviews"],
  ["recommender", "interactions", "shop events"],
  ["recommender", "purchases", "purchases synced to the recommender"],
  ["recommender", "preferences", "stated preferences"],
];

async function showPersonalData(event) {
  event.preventDefault();
  const target = $("personal-data-result");
  const id = $("subject-id").value.trim();
  if (!id) return;
  try {
    const { body } = await api("/api/v1/personal-data/" + encodeURIComponent(id));
    const counts = HELD.map(([service, kind, label]) => [((body.services[service] || {})[kind] || []).length, label]);
    if (counts.every(([count]) => count === 0)) {
      target.replaceChildren(el("p", { class: "empty", "data-held": "0" }, "The store holds nothing about " + id + "."));
      return;
    }
    const download = el("a", { download: "personal-data-" + id + ".json",
      href: URL.createObjectURL(new Blob([JSON.stringify(body, null, 2)], { type: "application/json" })) },
      "Download all of it (JSON)");
    const erase = el("button", { type: "button", class: "secondary" }, "Erase this customer…");
    erase.addEventListener("click", () => confirmErasure(id));
    target.replaceChildren(el("ul", { class: "held" },
      ...counts.map(([count, label]) => el("li", { "data-count": count }, count + " " + label))),
      el("p", {}, download), erase);
  } catch (error) {
    showError(target, error);
  }
}

function confirmErasure(id) {
  const target = $("personal-data-result");
  const yes = el("button", { type: "button", class: "danger" }, "Erase " + id + " for good");
  const no = el("button", { type: "button", class: "secondary" }, "Cancel");
  yes.addEventListener("click", () => erasePersonalData(id));
  no.addEventListener("click", () => $("personal-data-form").requestSubmit());
  target.replaceChildren(el("p", { role: "alert" }, "Their orders stay in the figures without their name; their reviews, "
    + "shop events and preferences are deleted. This cannot be undone."), yes, " ", no);
}

async function erasePersonalData(id) {
  const target = $("personal-data-result");
  try {
    const { body } = await api("/api/v1/personal-data/" + encodeURIComponent(id), { method: "DELETE" });
    const a = body.services.analytics, s = body.services.sentiment, r = body.services.recommender;
    target.replaceChildren(el("p", { "data-status": "erased" }, id + " is forgotten: " + a.ordersMadeAnonymous
      + " orders made anonymous, " + s.reviewsDeleted + " reviews, " + r.interactionsDeleted + " shop events, "
      + r.purchasesDeleted + " synced purchases and " + r.preferencesDeleted + " preferences deleted."));
  } catch (error) {
    // a 502 names the services that could not erase; the same request may be sent again
    showError(target, error);
  }
}

// ---- start --------------------------------------------------------------------------------------

function start() {
  $("api-key").value = key();
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORE, $("api-key").value.trim());
    $("key-state").textContent = "Key set for this tab.";
    loadDimensions().then(renderOverview);
    scoreReview();
  });
  $("filters").addEventListener("submit", (event) => { event.preventDefault(); renderOverview(); });
  $("review-text").addEventListener("input", () => { clearTimeout(scoreTimer); scoreTimer = setTimeout(scoreReview, 400); });
  $("product-sentiment-form").addEventListener("submit", showProductSentiment);
  $("recommend-form").addEventListener("submit", recommend);
  $("import-form").addEventListener("submit", startImport);
  $("personal-data-form").addEventListener("submit", showPersonalData);
  if (key()) {
    loadDimensions().then(renderOverview);
    scoreReview();
  } else {
    $("key-state").textContent = "Enter an API key (bin/run-local prints one) to load the dashboard.";
  }
}

document.addEventListener("DOMContentLoaded", start);
