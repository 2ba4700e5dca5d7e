import {
  array,
  type infer as Infer,
  nullish,
  number,
  object,
  partial,
  string,
  union,
  unknown,
} from 'zod/mini';

// The parts of Ginkgo v2's `--json-report` (types/types.go) that parsers use. Everything is
// optional: reports from older or newer Ginkgo versions add or drop fields.
//
// Built on first use, with the functional `zod/mini` API: only Ginkgo JSON reports need these
// schemas, and building them at import (classic zod) cost every `nightshift analyze` of a plain
// log several milliseconds of start-up. Only success or failure is read, never zod's messages.
function buildSchemas() {
  const codeLocation = nullish(
    partial(object({ FileName: string(), LineNumber: number(), FullStackTrace: string() })),
  );
  const spec = object({
    ContainerHierarchyTexts: nullish(array(string())),
    ContainerHierarchyLabels: nullish(array(nullish(array(string())))),
    LeafNodeType: nullish(union([string(), number()])),
    LeafNodeText: nullish(string()),
    LeafNodeLabels: nullish(array(string())),
    State: nullish(string()),
    RunTime: nullish(number()),
    NumAttempts: nullish(number()),
    MaxFlakeAttempts: nullish(number()),
    CapturedGinkgoWriterOutput: nullish(string()),
    CapturedStdOutErr: nullish(string()),
    Failure: nullish(
      partial(
        object({
          Message: string(),
          Location: codeLocation,
          ForwardedPanic: string(),
          FailureNodeContext: string(),
          FailureNodeType: union([string(), number()]),
        }),
      ),
    ),
  });
  const suite = object({
    SuitePath: nullish(string()),
    SuiteDescription: nullish(string()),
    PreRunStats: nullish(partial(object({ TotalSpecs: number(), SpecsThatWillRun: number() }))),
    SpecReports: nullish(array(unknown())),
  });
  return { spec, suite };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;

/** The Ginkgo schemas, built on the first call. */
export function ginkgoSchemas(): Schemas {
  schemas ??= buildSchemas();
  return schemas;
}

export type GinkgoSpecReport = Infer<Schemas['spec']>;
export type GinkgoSuiteReport = Infer<Schemas['suite']>;
