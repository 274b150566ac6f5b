/**
 * The state a live update hands over, as plain data: what the old kernel
 * preserves and what the new kernel gets back. No physical address appears
 * in it except where the ABI stores one opaquely (a file or FLB whose
 * handler the reader does not know): where things sit in memory is the
 * writer's choice, so a state written and read back is equal to itself.
 */

/** A decoded member: numbers and bigints as the codecs give them, strings, arrays and embedded structs. */
export type Value = bigint | number | string | readonly Value[] | { readonly [member: string]: Value };

/** The members of a decoded struct, by name. */
export type Fields = { readonly [member: string]: Value };

/**
 * The state of a handler that has a schema: the members of its blob, less
 * the member pointing to its entry array and the member counting them, and
 * the entries (for a memfd, its folios) in array order.
 */
export interface HandlerState {
  readonly fields: Fields;
  readonly entries?: readonly Fields[];
}

/** One preserved file: its handler's compatible string, the user's token, and the handler's state. */
export interface FileState {
  readonly compatible: string;
  readonly token: bigint;
  /** The handler's state, when a handler of `compatible` is known. */
  readonly state?: HandlerState;
  /** Otherwise luo_file_ser.data as stored (the new kernel refuses such a file: no handler). */
  readonly data?: bigint;
}

export interface SessionState {
  readonly name: string;
  /** In the order the session lists them. */
  readonly files: readonly FileState[];
}

/** One File-Lifecycle-Bound object on the FLB page. */
export interface FlbState {
  readonly name: string;
  readonly count: bigint;
  /** The FLB's state, when a handler of `name` is known (its blob's members). */
  readonly state?: Fields;
  /** Otherwise luo_flb_ser.data as stored. */
  readonly data?: bigint;
}

export interface LuoState {
  /** luo_ser.compatible. */
  readonly compatible: string;
  readonly liveupdateNum: bigint;
  /**
   * In list order. Any iterable: the writer and the tree printer walk it
   * once, so a generator can describe a state too large to hold.
   */
  readonly sessions: Iterable<SessionState>;
  readonly flbs: readonly FlbState[];
}

/** A blob the KHO root names besides LUO, kept as bytes. */
export interface KhoBlobState {
  readonly name: string;
  /** The name's exact bytes when they are not UTF-8 (`name` then shows them escaped). */
  readonly nameBytes?: Uint8Array;
  readonly bytes: Uint8Array;
}

export interface KhoState {
  /** The root FDT's compatible string. */
  readonly compatible: string;
  /** Its exact bytes when they are not UTF-8. */
  readonly compatibleBytes?: Uint8Array;
  /** Other subtrees, in FDT order after LUO. */
  readonly blobs?: readonly KhoBlobState[];
}

export interface LiveUpdateState {
  readonly kho: KhoState;
  /** Absent when the KHO root has no LUO subtree. */
  readonly luo?: LuoState;
}
