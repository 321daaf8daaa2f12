/**
 * Declarations and calls of one source file that detection needs beyond its imports: class
 * and interface names, decorators, `implements` clauses, methods, and calls such as
 * `bus.publish(...)`. Extracted on demand (only for files a detector asks about) and cached.
 */
export interface FileSymbols {
  readonly classes: readonly ClassSymbol[];
  readonly interfaces: readonly InterfaceSymbol[];
  readonly functions: readonly FunctionSymbol[];
  /** Member and plain calls: `publish` for `bus.publish(x)`, `emit`, `subscribe`, `on`, … */
  readonly calls: readonly CallSymbol[];
  /**
   * Java/Kotlin annotations, C# attributes and Python decorators on types, methods and
   * functions, each with its line and the name of what it is on (`@KafkaListener` on `onOrder`).
   */
  readonly annotations?: readonly AnnotationSymbol[];
  /** The package or namespace the file declares (Java, Kotlin, C#, Go: `main` for a Go main package). */
  readonly package?: string;
  /** `new X(…)` expressions, named by the class: `Worker` for `new Worker('uploads', handler)`. */
  readonly constructed?: readonly CallSymbol[];
  /** Top-level string constants by the name code reaches them with: `TOPICS.ORDER_PLACED` → `order.placed`. */
  readonly constants?: Readonly<Record<string, string>>;
}

export interface AnnotationSymbol {
  /** The simple name without `@`, brackets or arguments: `KafkaListener`, `ApiController`, `shared_task`. */
  readonly name: string;
  readonly line: number;
  /** The declaration it annotates. */
  readonly on: string;
}

export interface ClassSymbol {
  readonly name: string;
  readonly line: number;
  readonly exported: boolean;
  readonly abstract: boolean;
  /** Decorator names without `@` or arguments: `Injectable`, `CommandHandler`, `Module`. */
  readonly decorators: readonly string[];
  /** First argument of each decorator when it is an identifier: `CommandHandler(CreateOrder)` → `CreateOrder`. */
  readonly decoratorArguments: readonly string[];
  readonly extends?: string;
  readonly implements: readonly string[];
  readonly methods: readonly string[];
}

export interface InterfaceSymbol {
  readonly name: string;
  readonly line: number;
  readonly exported: boolean;
  readonly extends: readonly string[];
  /** Method and property names. */
  readonly members: readonly string[];
}

export interface FunctionSymbol {
  readonly name: string;
  readonly line: number;
  readonly exported: boolean;
  readonly parameters: readonly string[];
  readonly async: boolean;
}

export interface CallSymbol {
  /** The called name: `publish` for `this.bus.publish(...)`. */
  readonly name: string;
  /** The object it was called on, when a plain identifier or `this.x`: `bus`, `eventEmitter`. */
  readonly receiver?: string;
  readonly line: number;
  /** The first argument when it is a string literal (a topic or queue name). */
  readonly firstStringArgument?: string;
  /** Channel names the first argument gives as an options object: `send({ topic: 'orders' })`. */
  readonly objectTopics?: readonly string[];
  /** The first argument when it names a constant: `TOPICS.ORDER_PLACED` in `emit(TOPICS.ORDER_PLACED, …)`. */
  readonly firstArgumentName?: string;
  /** Channel constants an options-object argument names: `send({ topic: TOPICS.ORDERS })`. */
  readonly objectTopicNames?: readonly string[];
}
