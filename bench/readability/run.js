// Readability.js over the benchmark pages in one node process: prints one
// JSON line per page ({"id","text"}) on stdout and the pages/s on stderr.
// usage: node run.js FILE.html.gz...
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const files = process.argv.slice(2);
const pages = files.map((f) => {
  let buf = fs.readFileSync(f);
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
  return { id: path.basename(f).replace(/\.html?(\.gz)?$/, ''), html: buf.toString('utf8') };
});
const vc = new VirtualConsole();
const out = [];
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (const p of pages) {
  let text = '';
  try {
    const dom = new JSDOM(p.html, { url: 'https://example.com/', virtualConsole: vc });
    const art = new Readability(dom.window.document).parse();
    text = art && art.textContent ? art.textContent : '';
    dom.window.close();
  } catch (e) {
    text = '';
  }
  out.push(JSON.stringify({ id: p.id, text }));
}
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const cu = process.cpuUsage(c0);
const cpu = (cu.user + cu.system) / 1e6;
process.stdout.write(out.join('\n') + '\n');
// CPU seconds, so that other load on the machine does not skew the ratio
process.stderr.write(`readability: ${pages.length} pages in ${cpu.toFixed(2)} s, ` +
                     `${(pages.length / cpu).toFixed(1)} pages/s (wall ${wall.toFixed(2)} s)\n`);
