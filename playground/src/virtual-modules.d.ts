declare module 'virtual:ravenstack-snapshots' {
  /** Whether this build has the RavenStack snapshots (their data set was beside the repository). */
  const available: boolean;
  export default available;
}

declare module 'virtual:ravenstack-snapshots/csv' {
  /** The RavenStack monthly snapshots as CSV. */
  const csv: string;
  export default csv;
}

declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  // The editor with its contributions; its API is editor.api's.
  export * from 'monaco-editor/esm/vs/editor/editor.api';
}
