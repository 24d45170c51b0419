// The floor app of `npm run bench:http` (built and started by scripts/bench-http.ts): Next's defaults.
module.exports = {};
