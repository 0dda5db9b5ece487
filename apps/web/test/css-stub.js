// A plain CSS import (Vite injects it in the browser) does nothing in a unit test.
module.exports = {};
