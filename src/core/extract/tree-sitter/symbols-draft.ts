import type { CallSymbol, ClassSymbol, FileSymbols, InterfaceSymbol, FunctionSymbol } from '../../model';

/** The declarations of one file while its tree is read; frozen by {@link finish}. */
export class SymbolsDraft {
  readonly classes: ClassSymbol[] = [];
  readonly interfaces: InterfaceSymbol[] = [];
  readonly functions: FunctionSymbol[] = [];
  readonly calls: CallSymbol[] = [];
  readonly annotations: { name: string; line: number; on: string }[] = [];
  packageName: string | undefined;

  finish(): FileSymbols {
    return {
      classes: this.classes,
      interfaces: this.interfaces,
      functions: this.functions,
      calls: this.calls,
      ...(this.annotations.length > 0 ? { annotations: this.annotations } : {}),
      ...(this.packageName !== undefined ? { package: this.packageName } : {}),
    };
  }
}
