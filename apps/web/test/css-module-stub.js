// A CSS module maps each class name to itself, so `classes.panel` is "panel" in a unit test.
module.exports = new Proxy({}, { get: (_target, key) => (key === '__esModule' ? false : String(key)) });
