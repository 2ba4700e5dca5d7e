import { z } from 'zod';

// The parts of Ginkgo v2's `--json-report` (types/types.go) that parsers use. Everything is
// optional: reports from older or newer Ginkgo versions add or drop fields.
const CodeLocation = z
  .object({ FileName: z.string(), LineNumber: z.number(), FullStackTrace: z.string() })
  .partial()
  .nullish();

export const GinkgoSpecReport = z.object({
  ContainerHierarchyTexts: z.array(z.string()).nullish(),
  ContainerHierarchyLabels: z.array(z.array(z.string()).nullish()).nullish(),
  LeafNodeType: z.union([z.string(), z.number()]).nullish(),
  LeafNodeText: z.string().nullish(),
  LeafNodeLabels: z.array(z.string()).nullish(),
  State: z.string().nullish(),
  RunTime: z.number().nullish(),
  NumAttempts: z.number().nullish(),
  MaxFlakeAttempts: z.number().nullish(),
  CapturedGinkgoWriterOutput: z.string().nullish(),
  CapturedStdOutErr: z.string().nullish(),
  Failure: z
    .object({
      Message: z.string(),
      Location: CodeLocation,
      ForwardedPanic: z.string(),
      FailureNodeContext: z.string(),
      FailureNodeType: z.union([z.string(), z.number()]),
    })
    .partial()
    .nullish(),
});

export const GinkgoSuiteReport = z.object({
  SuitePath: z.string().nullish(),
  SuiteDescription: z.string().nullish(),
  PreRunStats: z.object({ TotalSpecs: z.number(), SpecsThatWillRun: z.number() }).partial().nullish(),
  SpecReports: z.array(z.unknown()).nullish(),
});

export type GinkgoSpecReport = z.infer<typeof GinkgoSpecReport>;
export type GinkgoSuiteReport = z.infer<typeof GinkgoSuiteReport>;
