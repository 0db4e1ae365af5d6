// Vite's module types for `?worker`, `?worker&url` and `?raw` imports.
/// <reference types="vite/client" />
