// turndown's markdown of a page (with its GFM plugin), as Jina Reader and other
// page-to-markdown tools make it: tools/gen_extractor_fixtures.py runs it.
//   npm install turndown turndown-plugin-gfm jsdom
//   node tools/turndown.js PAGE.html > PAGE.turndown.md
const fs = require('fs');
const { JSDOM } = require('jsdom');
const TurndownService = require('turndown');
const { gfm } = require('turndown-plugin-gfm');

const dom = new JSDOM(fs.readFileSync(process.argv[2], 'utf8'));
const service = new TurndownService({ headingStyle: 'atx' });
service.use(gfm);
service.remove(['script', 'style', 'title']);
process.stdout.write(service.turndown(dom.window.document.body));
