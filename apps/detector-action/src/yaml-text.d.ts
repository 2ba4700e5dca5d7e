// tsup's text loader turns `import text from './x.yaml'` into the file's contents.
declare module '*.yaml' {
  const text: string;
  export default text;
}
