// Objects made and freed, by type. Every type counts its allocations and frees as
// CPython's COUNT_ALLOCS builds did (`tp_allocs`, `tp_frees`, kept by objects/object.ts
// and the free lists); a census reads them all, and two censuses subtracted tell what
// happened in between.

import { allocatingTypes, type PyTypeObject } from "../objects/object.ts";

/** Objects of one type made and freed over some stretch of time. */
export interface TypeCount {
  /** The type's name (tp_name: `int`, `Node`, `builtin_function_or_method`) */
  type: string;
  allocated: number;
  freed: number;
}

/** The counters of every type that has allocated, at one moment. */
export class Census {
  private readonly allocs: number[];
  private readonly frees: number[];
  private readonly ntypes: number;

  constructor() {
    this.ntypes = allocatingTypes.length;
    this.allocs = new Array(this.ntypes);
    this.frees = new Array(this.ntypes);
    for (let i = 0; i < this.ntypes; i++) {
      this.allocs[i] = allocatingTypes[i].tp_allocs;
      this.frees[i] = allocatingTypes[i].tp_frees;
    }
  }

  /**
   * What each type made and freed since this census, largest counts first; types with
   * nothing to tell are left out.
   */
  since(): TypeCount[] {
    const out: TypeCount[] = [];
    for (let i = 0; i < allocatingTypes.length; i++) {
      const t: PyTypeObject = allocatingTypes[i];
      const allocated = t.tp_allocs - (i < this.ntypes ? this.allocs[i] : 0);
      const freed = t.tp_frees - (i < this.ntypes ? this.frees[i] : 0);
      if (allocated !== 0 || freed !== 0) out.push({ type: t.tp_name, allocated, freed });
    }
    out.sort((a, b) =>
      b.allocated + b.freed - (a.allocated + a.freed) || (a.type < b.type ? -1 : 1)
    );
    return out;
  }
}
