// The demo page: record (getUserMedia → 16-bit PCM WAV made here), or choose / drop a WAV; POST /api/predict; draw the answer.
// window.demo is the page's state, read by the browser test: state, last answer, history, recorded seconds.
"use strict";
(function () {
  const MAX_RECORD_SECONDS = 5;
  const HISTORY = 8;
  const COLOURS = { RawOnlyModel: "#1f77b4", SpecOnlyModel: "#ff7f0e", TwoStreamFusionModel: "#2ca02c" };
  const demo = window.demo = { state: "loading", ready: false, info: null, last: null, error: null, history: [], recordedSeconds: 0 };
  const $ = id => document.getElementById(id);
  const recordButton = $("record"), fileInput = $("file"), status = $("status");
  let recorder = null;

  function setState(state, message, isError) {
    demo.state = state;
    document.body.dataset.state = state;
    if (message !== undefined) { status.textContent = message; status.classList.toggle("error", !!isError); }
    recordButton.textContent = state === "recording" ? "■ Stop" : "● Record";
    recordButton.disabled = !demo.ready || state === "waiting";
  }

  // ---- recording: the microphone's samples, as the browser delivers them, into a mono 16-bit WAV
  async function startRecording() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      setState("error", "This browser gives no microphone here (it allows one only on localhost or https). Choose a WAV file instead.", true);
      return;
    }
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    } catch (e) {
      setState("error", "No microphone: " + e.message, true);
      return;
    }
    const context = new AudioContext();
    await context.resume();
    const source = context.createMediaStreamSource(stream);
    const processor = context.createScriptProcessor(4096, 1, 1);
    const chunks = [];
    let samples = 0;
    processor.onaudioprocess = e => {
      const block = new Float32Array(e.inputBuffer.getChannelData(0));
      chunks.push(block);
      samples += block.length;
      demo.recordedSeconds = samples / context.sampleRate;
      if (demo.recordedSeconds >= MAX_RECORD_SECONDS) stopRecording();
    };
    source.connect(processor);
    processor.connect(context.destination);
    recorder = { stream, context, source, processor, chunks };
    demo.recordedSeconds = 0;
    setState("recording", "Listening… say one digit, then press Stop (R).");
  }

  function stopRecording() {
    if (!recorder) return;
    const { stream, context, source, processor, chunks } = recorder;
    recorder = null;
    processor.onaudioprocess = null;
    source.disconnect(); processor.disconnect();
    stream.getTracks().forEach(t => t.stop());
    const rate = context.sampleRate;
    context.close();
    const length = chunks.reduce((n, c) => n + c.length, 0);
    const all = new Float32Array(length);
    let offset = 0;
    for (const c of chunks) { all.set(c, offset); offset += c.length; }
    upload(encodeWav(all, rate), "microphone.wav");
  }

  function encodeWav(samples, rate) {
    const buffer = new ArrayBuffer(44 + samples.length * 2);
    const view = new DataView(buffer);
    const text = (at, s) => { for (let i = 0; i < s.length; i++) view.setUint8(at + i, s.charCodeAt(i)); };
    text(0, "RIFF"); view.setUint32(4, 36 + samples.length * 2, true); text(8, "WAVE");
    text(12, "fmt "); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
    view.setUint32(24, rate, true); view.setUint32(28, rate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
    text(36, "data"); view.setUint32(40, samples.length * 2, true);
    for (let i = 0; i < samples.length; i++) {
      const s = Math.max(-1, Math.min(1, samples[i]));
      view.setInt16(44 + i * 2, s < 0 ? s * 32768 : s * 32767, true);
    }
    return new Blob([buffer], { type: "audio/wav" });
  }

  // ---- asking the server
  async function upload(blob, name) {
    setState("waiting", "Listening to " + name + "…");
    const started = performance.now();
    let response, body;
    try {
      response = await fetch("api/predict", { method: "POST", body: blob, headers: { "Content-Type": "audio/wav", "X-File-Name": encodeURIComponent(name) } });
      body = await response.json();
    } catch (e) {
      demo.error = "The demo server did not answer: " + e.message;
      setState("error", demo.error, true);
      return;
    }
    const ms = performance.now() - started;
    if (!response.ok) {
      demo.error = body.error || ("the server answered " + response.status);
      setState("error", "Not classified: " + demo.error, true);
      return;
    }
    demo.error = null;
    demo.last = body;
    show(body);
    remember(body, name);
    setState("done", body.noSpeech ? "No speech heard (" + Math.round(ms) + " ms)." : "Answered in " + Math.round(ms) + " ms.");
  }

  // ---- drawing the answer
  function show(a) {
    $("nospeech").hidden = !a.noSpeech;
    const answers = $("answers");
    answers.replaceChildren(...a.models.map(card));
    drawProbabilities(a);
    drawWaveform(a);
    drawSpectrogram(a);
  }

  function card(m) {
    const div = document.createElement("div");
    div.className = "answer";
    div.dataset.model = m.name;
    const percent = p => (100 * p).toFixed(1) + " %";
    div.innerHTML = `<div class="title"></div><div class="digit"></div><div class="probability"></div><div class="top3"></div>`;
    div.querySelector(".title").textContent = m.title + " model";
    div.querySelector(".digit").textContent = m.digit;
    div.querySelector(".probability").textContent = percent(m.probability);
    div.querySelector(".top3").textContent = "top 3: " + m.top3.map(t => t.digit + " (" + percent(t.probability) + ")").join(", ");
    if (m.branchWeights) {
      const w = document.createElement("div");
      w.className = "weights";
      const raw = m.branchWeights.raw, spec = m.branchWeights.spectrogram;
      w.innerHTML = `branch weights <div class="bar" role="img"><span style="background:${COLOURS.RawOnlyModel};width:${100 * raw}%"></span><span style="background:${COLOURS.SpecOnlyModel};width:${100 * spec}%"></span></div>`;
      w.querySelector(".bar").setAttribute("aria-label", "raw waveform " + percent(raw) + ", spectrogram " + percent(spec));
      const spans = w.querySelectorAll("span");
      spans[0].textContent = "raw " + percent(raw);
      spans[1].textContent = "spec " + percent(spec);
      div.appendChild(w);
    }
    return div;
  }

  const layoutBase = { margin: { l: 55, r: 15, t: 10, b: 45 }, font: { size: 16 }, paper_bgcolor: "#fff", plot_bgcolor: "#fff" };
  const config = { displayModeBar: false, responsive: true, staticPlot: false };
  const digits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

  function drawProbabilities(a) {
    const traces = a.models.map(m => ({ type: "bar", name: m.title, x: digits, y: m.probabilities, marker: { color: COLOURS[m.name] } }));
    Plotly.react("probabilities", traces, Object.assign({}, layoutBase, {
      barmode: "group", xaxis: { title: "digit", dtick: 1 }, yaxis: { title: "probability", range: [0, 1] }, legend: { orientation: "h", y: 1.12 },
    }), config);
  }

  function drawWaveform(a) {
    const w = a.waveform, n = w.min.length;
    const t = Array.from({ length: n }, (_, i) => i * w.secondsPerPoint);
    const line = { color: "#333", width: 1 };
    const traces = [
      { x: t, y: w.max, mode: "lines", line, hoverinfo: "skip", showlegend: false },
      { x: t, y: w.min, mode: "lines", line, fill: "tonexty", fillcolor: "rgba(60,60,60,0.5)", hoverinfo: "skip", showlegend: false },
    ];
    const shapes = a.speech ? [{ type: "rect", xref: "x", yref: "paper", x0: a.speech.startSeconds, x1: a.speech.endSeconds, y0: 0, y1: 1,
      fillcolor: "rgba(44,160,44,0.25)", line: { color: "#2ca02c", width: 2 } }] : [];
    Plotly.react("waveform", traces, Object.assign({}, layoutBase, {
      shapes, xaxis: { title: "seconds", range: [0, a.durationSeconds] }, yaxis: { title: "amplitude" },
    }), config);
  }

  function drawSpectrogram(a) {
    const s = a.spectrogram;
    const frames = s.bands.length ? s.bands[0].length : 0;
    const x = Array.from({ length: frames }, (_, i) => +(i * s.hopSeconds).toFixed(3));
    Plotly.react("spectrogram", [{ type: "heatmap", z: s.bands, x, colorscale: "Viridis", colorbar: { title: "log" } }],
      Object.assign({}, layoutBase, { xaxis: { title: "seconds (the 1 s window the models see)" }, yaxis: { title: "mel band" } }), config);
  }

  function remember(a, name) {
    const answer = a.noSpeech ? "no speech heard" : a.models.map(m => m.title + " " + m.digit).join(" · ");
    demo.history.unshift({ time: new Date().toLocaleTimeString(), name, answer });
    demo.history.length = Math.min(demo.history.length, HISTORY);
    $("history").replaceChildren(...demo.history.map(h => {
      const li = document.createElement("li");
      li.textContent = h.time + " — " + h.name + ": " + h.answer;
      return li;
    }));
  }

  // ---- files: choose or drop
  function classifyFile(file) {
    if (!file) return;
    if (recorder) stopRecording();
    upload(file, file.name);
  }
  fileInput.addEventListener("change", () => { classifyFile(fileInput.files[0]); fileInput.value = ""; });
  const drop = $("drop");
  window.addEventListener("dragover", e => { e.preventDefault(); drop.hidden = false; });
  drop.addEventListener("dragleave", () => { drop.hidden = true; });
  window.addEventListener("drop", e => { e.preventDefault(); drop.hidden = true; classifyFile(e.dataTransfer.files[0]); });

  // ---- keyboard and buttons
  function toggleRecording() {
    if (!demo.ready || demo.state === "waiting") return;
    if (recorder) stopRecording(); else startRecording();
  }
  recordButton.addEventListener("click", toggleRecording);
  $("choose").addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); fileInput.click(); } });
  window.addEventListener("keydown", e => {
    if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return;
    const key = e.key.toLowerCase();
    if (key === "r" || (key === " " && e.target === document.body)) { e.preventDefault(); toggleRecording(); }
    else if (key === "o") { e.preventDefault(); fileInput.click(); }
  });

  // ---- start: which run is loaded
  fetch("api/info").then(r => r.json()).then(info => {
    demo.info = info;
    const models = info.models.map(m => m.title).join(", ");
    $("run").textContent = "Run " + info.run + " — models: " + models +
      (info.runFindsTheWord ? "" : " (trained before endpointing: the models hear the whole recording, centred)") +
      (info.unavailable.length ? " — not available: " + info.unavailable.join("; ") : "");
    demo.ready = true;
    setState("idle");
    recordButton.focus();
  }).catch(e => setState("error", "Could not reach the demo server: " + e.message, true));
})();
