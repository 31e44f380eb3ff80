// Machine code for hot functions. The engine writes a compiled function's evaluations (f; f and f';
// f, f' and f'') as small WebAssembly modules (cpp/expr/wasm_code.hpp); here the host compiles them and
// puts each module's entry point into the engine's function table, where the C++ run loops call it
// instead of interpreting the function's program. The modules call the engine's own sin, exp, pow, ...
// and do the same IEEE operations in the same order, so every result keeps its last bit.
//
// Compiling a function's three modules takes about 0.2-0.3 ms (Node 20, this repository's three
// benchmark functions), the time of some 10,000 interpreted evaluations, so a function gets its kernels
// once the work asked of it reaches KERNEL_WORK evaluations (see Kernels#wanted).
export const KERNEL_WORK = 20_000; // evaluations after which compiling pays off

export class Kernels {
  #table = null;
  #imports = null;
  #free = [];
  #grown = 0;
  #mode;

  // mode: 'auto' (compile once a function's work reaches KERNEL_WORK), 'always' or 'never'.
  constructor(core, mode = 'auto') {
    this.#mode = mode;
    const exports = Object.values(core.asm ?? {});
    const memory = exports.find((v) => v instanceof WebAssembly.Memory);
    const table = exports.find((v) => v instanceof WebAssembly.Table);
    if (mode === 'never' || !memory || !table) return;
    const slots = core.kernelImports();
    this.#table = table;
    this.#imports = { m: { memory, call: table.get(slots.call), pow: table.get(slots.pow) } };
  }

  // Whether a function that has done `work` evaluations so far, about to do `more`, should be compiled.
  wanted(work, more) {
    if (!this.#table) return false;
    return this.#mode === 'always' || work + more >= KERNEL_WORK;
  }

  // Compiles the three evaluations of an Embind Compiled handle and attaches them; answers the table
  // slots to give back with release() once the handle is gone. An evaluation whose module is too large,
  // or that the host refuses to compile here (a page's main thread compiles only small modules at
  // once), keeps its program.
  attach(handle) {
    const slots = [];
    for (let which = 0; which < 3; ++which) {
      const bytes = handle.wasmModule(which);
      if (!bytes) continue;
      let slot;
      try {
        const { run } = new WebAssembly.Instance(new WebAssembly.Module(bytes), this.#imports).exports;
        slot = this.#free.length ? this.#free.pop() : this.#grow();
        this.#table.set(slot, run);
      } catch {
        continue; // refused, or no room left in the table: the program runs this evaluation
      }
      handle.useKernel(which, slot);
      slots.push(slot);
    }
    return slots;
  }

  // Function table slots taken for machine code so far, in use or free to reuse.
  get slots() {
    return this.#grown;
  }

  #grow() {
    const slot = this.#table.grow(1);
    this.#grown += 1;
    return slot;
  }

  release(slots) {
    for (const slot of slots) {
      this.#table.set(slot, null);
      this.#free.push(slot);
    }
  }
}
