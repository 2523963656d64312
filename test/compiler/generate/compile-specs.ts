/** Runs the compiler over spec files and returns its generated outputs, failing on any error diagnostic. */
import type { GeneratedFile } from "../../../compiler/generate/index.js";
import { REPO_ROOT } from "./golden-cases.js";

export async function compileFolder(files: readonly string[]): Promise<readonly GeneratedFile[]> {
  const { compile } = (await import("../../../compiler/compile.js" as string)) as {
    compile: (input: unknown) => Promise<CompileResult> | CompileResult;
  };
  const result = await compile({ files, rootDir: REPO_ROOT });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`compile() reported errors:\n${errors.map((d) => d.message).join("\n")}`);
  return result.outputs;
}

interface CompileResult {
  readonly diagnostics: readonly { readonly severity: string; readonly message: string }[];
  readonly outputs: readonly GeneratedFile[];
}
