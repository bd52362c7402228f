// monaco-yaml's language worker, through a file of our own so Vite bundles it as a worker entry
// (monaco-yaml's FAQ: "Why doesn't it work with Vite?").
import 'monaco-yaml/yaml.worker.js';
