// @ts-nocheck
// Generated from the JSON Schemas named below by generator/source/standalone.ts (ajv standalone code); do not edit.
// After a change to one of them: UPDATE_VALIDATORS=1 npx vitest run test/schema-validators.test.ts
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
// schemas/kho-abi.schema.json
const validator0 = (() => {
const result = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://kho-abi.invalid/kho-abi.schema.json","title":"kho-abi schema","description":"One YAML document describes one kernel ABI header under include/linux/kho/abi/: its structures, constants, enums, compatible strings and versions, and the preserved containers it defines. Names are the kernel's C names.","type":"object","additionalProperties":false,"required":["schema","spdx","title","doc"],"properties":{"schema":{"description":"Name of the header without .h; the output is include/linux/kho/abi/<schema>.h. Must match the file name (schemas/<schema>.yaml).","type":"string","pattern":"^[a-z][a-z0-9_]*$"},"header":{"description":"The header this schema's C goes into when it shares one with other schemas, without .h (guest_memfd's layouts live in kvm.h): its items follow those of the schemas before it in that header. Default: the schema's own name.","type":"string","pattern":"^[a-z][a-z0-9_]*$"},"defined_in":{"description":"The kernel source file that defines this schema's items when no kernel header does (kho-v1's memory map lives in kernel/kexec_handover.c). The items are ABI all the same: laid out, locked, checked by gcc and given codecs; kho-abi still writes them to include/linux/kho/abi/<header>.h, says where the kernel keeps them in the header's DOC, and a profile never places the schema in a header of a tree, so diff-kernel never expects them there.","type":"string","pattern":"^[A-Za-z0-9_./-]+\\.c$"},"spdx":{"description":"SPDX license identifier written on the first line of the generated header, e.g. GPL-2.0-only.","type":"string","pattern":"^[A-Za-z0-9.+() -]+$"},"title":{"description":"One-line summary of the header, used in the banner and in the DOC: heading.","type":"string","minLength":1,"pattern":"^[^\\n]+$"},"doc":{"description":"The DOC: paragraph of the header: the contract these layouts make between two kernels. The generator appends when the compatible string must be bumped.","type":"string","minLength":1},"includes":{"description":"Other schemas whose structures, constants or containers this one uses; each becomes #include <linux/kho/abi/<name>.h>.","type":"array","uniqueItems":true,"items":{"$ref":"#/definitions/schemaName"}},"component":{"$ref":"#/definitions/component"},"externals":{"description":"Names defined by other kernel headers (uapi constants such as F_SEAL_SEAL) with their values, so expressions can use them; the generated header includes their header instead of defining them.","type":"array","items":{"$ref":"#/definitions/external"}},"constants":{"description":"#define constants: numbers (expressions over other constants, PAGE_SIZE and PAGE_SHIFT, BIT()/BIT_ULL()) or strings.","type":"array","items":{"$ref":"#/definitions/constant"}},"macros":{"description":"Function-like macros of the header (helpers such as KHOSER_STORE_PTR): not ABI values, emitted as written.","type":"array","items":{"$ref":"#/definitions/macro"}},"enums":{"description":"C enums whose values are constant expressions and may refer to earlier enumerators.","type":"array","items":{"$ref":"#/definitions/enum"}},"structs":{"description":"Structures written into preserved memory, in the order they are emitted.","type":"array","items":{"$ref":"#/definitions/struct"}},"containers":{"description":"Preserved containers defined by convention rather than by one C type: block chains, vmalloc chunk chains, the radix-tree memory map, the KHO FDT root, sparse arrays and flat dictionaries.","type":"array","items":{"$ref":"#/definitions/container"}},"asserts":{"description":"Compile-time assertions, evaluated by kho-abi for every target and emitted as static_assert().","type":"array","items":{"$ref":"#/definitions/assert"}},"order":{"description":"The order in which the kernel's header declares this schema's items, by name (compatible macros, constants, macros, enums, structs); unlisted items follow in the usual order.","type":"array","uniqueItems":true,"items":{"$ref":"#/definitions/identifier"}}},"definitions":{"identifier":{"description":"A C identifier.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"},"memberPath":{"description":"A member of a struct, or a dotted path through embedded structs (hdr.next).","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},"schemaName":{"description":"The name of another schema (its file name without .yaml).","type":"string","pattern":"^[a-z][a-z0-9_]*$"},"versionId":{"description":"The id of a version declared in this schema's component.","type":"string","pattern":"^[a-z0-9][a-z0-9_.-]*$"},"expr":{"description":"A C constant expression: integers (decimal, 0x hex, with U/L suffixes), names of constants, enumerators and externals, PAGE_SIZE, PAGE_SHIFT, sizeof(struct name), sizeof(u64), sizeof(STRING_CONSTANT), the operators + - * / % << >> & | ^ ~ ! == != < <= > >= && || ?: and the functions BIT, BIT_ULL, GENMASK, GENMASK_ULL, ALIGN, DIV_ROUND_UP, BITS_TO_LONGS, const_ilog2.","type":["string","integer"]},"doc":{"description":"Documentation written into the generated kernel-doc comment.","type":"string","minLength":1},"inVersions":{"description":"The versions of this schema's component in which this item exists; all versions when absent.","type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/versionId"}},"component":{"description":"The compatible string that versions the layouts of this header, and every version of it that kho-abi knows.","type":"object","additionalProperties":false,"required":["name","versions","current"],"properties":{"name":{"description":"Short name of the component, used on the command line and as a sub-component of others (e.g. memfd, luo, block, vmalloc).","type":"string","pattern":"^[a-z][a-z0-9_]*$"},"macro":{"description":"The #define that holds the compatible string, e.g. MEMFD_LUO_FH_COMPATIBLE.","$ref":"#/definitions/identifier"},"base_macro":{"description":"For composite versions: the #define that holds the base string alone, e.g. MEMFD_LUO_FH_COMPAT_BASE.","$ref":"#/definitions/identifier"},"doc":{"$ref":"#/definitions/doc"},"current":{"description":"The version the generated C header describes.","$ref":"#/definitions/versionId"},"feature_bits":{"description":"Feature bits of the feature-header variant (luo_feature_hdr supp/req/active): each becomes a BIT_ULL() constant.","type":"array","items":{"type":"object","additionalProperties":false,"required":["name","bit"],"properties":{"name":{"$ref":"#/definitions/identifier"},"bit":{"description":"Bit number, 0..63.","type":"integer","minimum":0,"maximum":63},"doc":{"$ref":"#/definitions/doc"}}}},"feature_masks":{"description":"Prefix of the #defines holding the supp, req and active masks of the feature-header version (e.g. LUO_CORE_FEATURES gives LUO_CORE_FEATURES_SUPP); default <NAME>_FEATURES.","$ref":"#/definitions/identifier"},"versions":{"description":"Every known version, oldest first.","type":"array","minItems":1,"items":{"$ref":"#/definitions/version"}},"stored_in":{"description":"Where readers find this component's compatible string: struct.member of a char array (e.g. luo_file_ser.compatible); every version's string, composites included, must fit it.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$"},"version_member":{"description":"struct.member: the integer member that tells apart versions storing the same compatible string, each with its own number: (the PCI FLB's pci_ser.version). A reader of that string reads the member and takes the version of that number; the member accepts only its version's number.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$"}}},"version":{"description":"One version of a component.","type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"$ref":"#/definitions/versionId"},"source":{"description":"Where this version was read from: a kernel tree (repo, path, commit) or a posted patch (subject, and message_id or date; list where known). Reviewers and `kho-abi doc` show it beside the version.","type":"object","additionalProperties":false,"properties":{"repo":{"description":"owner/name of the tree, e.g. linux-mm/linux-mm.","type":"string","pattern":"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"},"path":{"description":"The file in that tree, e.g. include/linux/kho/abi/memfd.h.","type":"string","minLength":1},"commit":{"description":"The commit the file was read at (7 to 40 hex digits).","type":"string","pattern":"^[0-9a-f]{7,40}$"},"list":{"description":"The mailing list the patch was posted to.","type":"string","minLength":1},"subject":{"description":"The patch's subject line.","type":"string","minLength":1},"date":{"description":"The date it was posted (YYYY-MM-DD).","type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},"message_id":{"description":"The patch mail's Message-ID, without angle brackets.","type":"string","pattern":"^[^<>\\s]+@[^<>\\s]+$"},"note":{"description":"How sure the reading is, or what differs from the source.","type":"string","minLength":1}}},"compatible":{"description":"The base compatible string of this version, e.g. memfd-v2. Absent for the feature-header variant, which has none.","type":"string","pattern":"^[A-Za-z0-9_.,+-]+$"},"macro":{"description":"The #define that holds this version's compatible string when it is not the component's macro (LUO_FDT_COMPATIBLE in LUO's FDT era, LUO_ABI_COMPATIBLE later); needs a compatible string.","$ref":"#/definitions/identifier"},"number":{"description":"The number this version stores in the component's version_member; versions that store the same compatible string are told apart by it.","type":"integer","minimum":0},"variant_of":{"description":"Another version of this component whose bytes this one has, spelled otherwise in C (DECLARE_KHOSER_PTR(x, void *) for a u64): it stores that version's string, and readers dispatching on the string take that version.","$ref":"#/definitions/versionId"},"compose":{"description":"When true the stored string is the composite: the base followed by ';' and the compatible string of every versioned KHO data structure this version's layouts embed or point to, in strcmp order.","type":"boolean"},"subcomponents":{"description":"The sub-components a composite version is expected to carry; checked against what the layout really uses.","type":"array","uniqueItems":true,"items":{"type":"string","pattern":"^[a-z][a-z0-9_]*$"}},"features":{"description":"For the feature-header variant: the feature bits this version supports, requires and has active.","type":"object","additionalProperties":false,"properties":{"supported":{"description":"Names of feature_bits set in supp.","type":"array","items":{"$ref":"#/definitions/identifier"}},"required":{"description":"Names of feature_bits set in req.","type":"array","items":{"$ref":"#/definitions/identifier"}},"active":{"description":"Names of feature_bits set in active.","type":"array","items":{"$ref":"#/definitions/identifier"}}}},"doc":{"$ref":"#/definitions/doc"}}},"external":{"description":"A name defined by another kernel header.","type":"object","additionalProperties":false,"required":["name","header"],"properties":{"name":{"$ref":"#/definitions/identifier"},"value":{"description":"Its numeric value.","$ref":"#/definitions/expr"},"string":{"description":"Its string value.","type":"string"},"header":{"description":"The header that defines it, as written in #include <...>, e.g. linux/fcntl.h.","type":"string","pattern":"^[a-z0-9_/.-]+\\.h$"},"doc":{"$ref":"#/definitions/doc"}}},"constant":{"description":"A #define: exactly one of value (a number) or string.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"$ref":"#/definitions/identifier"},"value":{"description":"A constant expression.","$ref":"#/definitions/expr"},"string":{"description":"A string literal value (no NUL).","type":"string"},"doc":{"$ref":"#/definitions/doc"},"in":{"$ref":"#/definitions/inVersions"},"variants":{"description":"How some versions differ from value or string: text spells the same number otherwise (KHO_COMPAT_ALIGN(X) for ALIGN(sizeof(X), 8)); value is another number; string is another string value (the fdt property of kho-v1).","type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["in"],"properties":{"in":{"$ref":"#/definitions/inVersions"},"text":{"description":"The C text of the value in those versions; the number must be the same.","type":"string","minLength":1},"string":{"description":"The string value in those versions.","type":"string"},"value":{"description":"Another number in those versions (PRESERVE_BITS of kho-v1 was 512 * 8, then PAGE_SIZE * 8).","$ref":"#/definitions/expr"}}}}}},"enum":{"description":"A C enum.","type":"object","additionalProperties":false,"required":["name","values"],"properties":{"name":{"$ref":"#/definitions/identifier"},"doc":{"$ref":"#/definitions/doc"},"values":{"type":"array","description":"Enumerators in order.","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"$ref":"#/definitions/identifier"},"value":{"description":"A constant expression; earlier enumerators may be used. Without it the enumerator is the one before it plus one (0 for the first), and the header writes no value, as the kernel's enum iommu_lu_type does.","$ref":"#/definitions/expr"},"in":{"description":"The versions that declare this enumerator; absent: every version (prati0100's memory map has KHO_RADIX_KEY_WIDTH where the others have KHO_ORDER_0_LOG2).","$ref":"#/definitions/inVersions"},"variants":{"description":"Versions in which the enumerator has another definition (the memory map of kho-v2 computed its depth without the order bit).","type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["in","value"],"properties":{"in":{"$ref":"#/definitions/inVersions"},"value":{"description":"The definition in those versions.","$ref":"#/definitions/expr"}}}},"doc":{"$ref":"#/definitions/doc"}}}}}},"struct":{"description":"A C structure.","type":"object","additionalProperties":false,"required":["name","fields"],"properties":{"name":{"$ref":"#/definitions/identifier"},"doc":{"$ref":"#/definitions/doc"},"packed":{"description":"Declared __packed: every member at alignment 1, no padding.","type":"boolean"},"size":{"description":"The size the structure must have, as an expression (e.g. PAGE_SIZE). Checked by kho-abi and emitted as static_assert; when absent the computed size is asserted.","$ref":"#/definitions/expr"},"section":{"description":"The linker section of vmlinux this structure fills (.liveupdate_versions): the section's bytes are one instance, and a flexible array without a count runs to the section's end. Not an attribute of the type: the kernel places its instance with __section in a .c file.","type":"string","pattern":"^\\.[A-Za-z0-9_.]+$"},"in":{"$ref":"#/definitions/inVersions"},"fields":{"type":"array","description":"Members in order.","minItems":1,"items":{"$ref":"#/definitions/field"}}}},"field":{"description":"A member: a scalar (type), an array (type + count), a flexible array (type + flexible), a bitfield group (type + bits), a bitmap (bitmap), a khoser pointer union (khoser), a raw kernel pointer (pointer) or an anonymous union (union).","type":"object","additionalProperties":false,"properties":{"name":{"$ref":"#/definitions/identifier"},"doc":{"$ref":"#/definitions/doc"},"type":{"description":"u8, u16, u32, u64, s8, s16, s32, s64, char, or the name of a struct (this schema's or an included one's).","$ref":"#/definitions/identifier"},"count":{"description":"Number of elements: makes the member an array. A char array holds a NUL-padded string. With khoser: an array of that many khoser pointers (DECLARE_KHOSER_PTR(name, struct target *)[count]).","$ref":"#/definitions/expr"},"flexible":{"description":"A flexible array member (type name[]), last in its struct.","type":"boolean","enum":[true]},"string_size":{"description":"With type: char and flexible: true, a flexible array of fixed-size strings (char name[][string_size]): each element a NUL-padded string in this many bytes.","$ref":"#/definitions/expr"},"bits":{"description":"Bitfields sharing one storage unit of the given type, each at an explicit least-significant bit.","type":"array","minItems":1,"items":{"$ref":"#/definitions/bitfield"}},"bitmap":{"description":"A DECLARE_BITMAP of this many bits (an array of unsigned long).","$ref":"#/definitions/expr"},"khoser":{"description":"A DECLARE_KHOSER_PTR union: a u64 physical address overlaid on a pointer to this struct; `void` for an untyped one (DECLARE_KHOSER_PTR(name, void *)), an address with no target to walk.","$ref":"#/definitions/identifier"},"pointer":{"description":"A kernel pointer the kernel stores as is (struct <this name> *member): 8 bytes that mean nothing after kexec. The C declares the pointer; readers take it as an opaque u64 and writers store 0. It takes no checks, count or ref.","$ref":"#/definitions/identifier"},"union":{"description":"An anonymous union of these members.","type":"array","minItems":1,"items":{"$ref":"#/definitions/field"}},"ref":{"$ref":"#/definitions/ref"},"allowed":{"description":"The bits a reader accepts in this value; any other set bit makes the kernel reject the object.","$ref":"#/definitions/expr"},"equals":{"description":"The only value a reader accepts in this integer member (e.g. a format version); any other makes the kernel refuse the object.","$ref":"#/definitions/expr"},"in":{"$ref":"#/definitions/inVersions"},"holds":{"description":"For a char array: the string constant (or component macro) it stores; kho-abi checks that the string and its NUL fit.","$ref":"#/definitions/identifier"},"ctype":{"description":"How the kernel's header spells the member's type when it is not the type name itself (unsigned int for a u32). Must have the size and signedness of type. 'enum <name>' makes a member of one of the schema's enums (enum iommu_lu_type type;): type u32, or s32 when a value is negative, as gcc stores the enum.","type":"string","anyOf":[{"pattern":"^enum [A-Za-z_][A-Za-z0-9_]*$"},{"enum":["unsigned char","unsigned short","unsigned int","unsigned long","unsigned long long","signed char","short","int","long","long long","__u8","__u16","__u32","__u64","__s8","__s16","__s32","__s64","phys_addr_t"]}]},"at_most":{"description":"An earlier integer member of the same struct this one may not exceed (nr_devices <= max_nr_devices): the array it counts holds only that many.","$ref":"#/definitions/identifier"},"as_number":{"description":"For a u64 member the kernel bounds below 2^53 (a page index, a count, a pfn): the TypeScript codecs read and write it as a checked number, not a bigint. A stored value above max, which no kernel writes but the restore reads on, is read with a beyond-bound warning (refused in strict mode); above 2^53 - 1 it is refused with a located error. The C is unchanged.","type":"object","additionalProperties":false,"required":["max","by"],"properties":{"max":{"description":"The largest value the kernel gives the member; at most 2^53 - 1 (Number.MAX_SAFE_INTEGER).","$ref":"#/definitions/expr"},"by":{"description":"The kernel function (and file) that reads the value, which a warning beyond max cites, and why no kernel writes more than max.","type":"string","minLength":1}}},"kernel":{"$ref":"#/definitions/kernelCheck"}}},"bitfield":{"description":"One bitfield inside a storage unit, numbered from the least significant bit as GCC does on little-endian targets.","type":"object","additionalProperties":false,"required":["name","lsb","width"],"properties":{"name":{"$ref":"#/definitions/identifier"},"lsb":{"description":"Least significant bit of the field inside its storage unit.","type":"integer","minimum":0},"width":{"description":"Width in bits.","type":"integer","minimum":1},"doc":{"$ref":"#/definitions/doc"},"allowed":{"description":"The values a reader accepts as a bit mask; other set bits are rejected.","$ref":"#/definitions/expr"},"kernel":{"$ref":"#/definitions/kernelCheck"}}},"ref":{"description":"What the physical address stored in this member leads to.","type":"object","additionalProperties":false,"properties":{"to":{"description":"The struct found at (or inside the container at) that address.","$ref":"#/definitions/identifier"},"via":{"description":"The container that holds the entries: a container declared in this schema or an included one. Absent: the address points at one object directly.","$ref":"#/definitions/identifier"},"count":{"description":"The sibling member that holds the number of entries.","$ref":"#/definitions/identifier"}}},"container":{"description":"A preserved container: exactly one of block_chain, vmalloc_chain, radix_tree, bitmap_chain, page_array, array_chain, fdt, fdt_nodes, sparse_array or dictionary.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"$ref":"#/definitions/identifier"},"doc":{"$ref":"#/definitions/doc"},"version":{"description":"The version of this schema's component whose layouts the container reads (a newer block format, say); the current version when absent.","$ref":"#/definitions/versionId"},"block_chain":{"description":"A chain of preserved pages, each a header {next, count} followed by fixed-size entries.","type":"object","additionalProperties":false,"required":["header","next","count","block_size","max_blocks"],"properties":{"header":{"description":"The struct at the start of each block.","$ref":"#/definitions/identifier"},"next":{"description":"Header member holding the physical address of the next block (0 ends the chain).","$ref":"#/definitions/identifier"},"count":{"description":"Header member holding the number of valid entries in the block.","$ref":"#/definitions/identifier"},"block_size":{"description":"Size of a block in bytes.","$ref":"#/definitions/expr"},"max_blocks":{"description":"Longest chain a reader accepts.","$ref":"#/definitions/expr"},"entry_size_member":{"description":"Header member in which every block stores the size of one entry (a newer block format); a reader refuses a block whose stored size is not the one it reads.","$ref":"#/definitions/identifier"},"block_size_member":{"description":"Header member in which every block stores its own size in bytes (a newer block format); a reader refuses a block whose stored size is not block_size.","$ref":"#/definitions/identifier"}}},"vmalloc_chain":{"description":"A descriptor pointing at a chain of chunk pages, each holding the physical addresses of contiguous blocks.","type":"object","additionalProperties":false,"required":["descriptor","first","total_pages","flags","order","chunk","next","entries"],"properties":{"descriptor":{"description":"The struct embedded by users of the container (kho_vmalloc).","$ref":"#/definitions/identifier"},"first":{"description":"Descriptor member holding the physical address of the first chunk.","$ref":"#/definitions/memberPath"},"total_pages":{"description":"Descriptor member holding the number of base pages in the area.","$ref":"#/definitions/memberPath"},"flags":{"description":"Descriptor member holding the area's flags.","$ref":"#/definitions/memberPath"},"order":{"description":"Descriptor member holding the page order of every block.","$ref":"#/definitions/memberPath"},"chunk":{"description":"The struct of one chunk page (kho_vmalloc_chunk).","$ref":"#/definitions/identifier"},"next":{"description":"Chunk member holding the physical address of the next chunk (0 ends the chain); a dotted path reaches into an embedded struct (hdr.next).","$ref":"#/definitions/memberPath"},"entries":{"description":"Chunk member: the array of block addresses, ended by the first 0 or the end of the chunk; its count is the chunk's capacity.","$ref":"#/definitions/memberPath"}}},"radix_tree":{"description":"The radix-tree memory map of preserved pages.","type":"object","additionalProperties":false,"required":["node","leaf","depth","order0_log2","table_size_log2","bitmap_size_log2"],"properties":{"node":{"description":"Struct of an inner node (a page of child addresses).","$ref":"#/definitions/identifier"},"leaf":{"description":"Struct of a leaf (a page-sized bitmap).","$ref":"#/definitions/identifier"},"depth":{"description":"Number of levels, leaves included.","$ref":"#/definitions/expr"},"order0_log2":{"description":"Position of the order bit of an order-0 key (KHO_ORDER_0_LOG2).","$ref":"#/definitions/expr"},"table_size_log2":{"description":"log2 of the entries of an inner node (KHO_TABLE_SIZE_LOG2).","$ref":"#/definitions/expr"},"bitmap_size_log2":{"description":"log2 of the bits of a leaf (KHO_BITMAP_SIZE_LOG2).","$ref":"#/definitions/expr"}}},"array_chain":{"description":"A linked chain of arrays (the IOMMU FLB's lists): nodes of node_size bytes, each a struct whose header holds the address of the next node (0 ends the chain) and the number of entries, followed by a flexible array of entry structs.","type":"object","additionalProperties":false,"required":["node","next","count","entries","node_size"],"properties":{"node":{"description":"The struct of one node (header, then the flexible array).","$ref":"#/definitions/identifier"},"next":{"description":"Node member holding the physical address of the next node; 0 ends the chain.","$ref":"#/definitions/memberPath"},"count":{"description":"Node member holding the number of entries in this node.","$ref":"#/definitions/memberPath"},"entries":{"description":"The node's flexible array member of entry structs.","$ref":"#/definitions/identifier"},"node_size":{"description":"Bytes of one node (PAGE_SIZE); its capacity is what fits after the header.","$ref":"#/definitions/expr"},"skip_member":{"description":"Entry member whose skip_mask bits make the kernel pass the entry over (hdr.flags).","$ref":"#/definitions/memberPath"},"skip_mask":{"description":"The bits of skip_member that mark an entry the kernel passes over (IOMMU_SER_FLAG_DELETED).","$ref":"#/definitions/expr"}}},"fdt_nodes":{"description":"A sub-FDT whose root carries a compatible string and one child per item, each with its own compatible string and native-endian u64 properties (memblock's reserve_mem regions).","type":"object","additionalProperties":false,"required":["compatible","node_compatible","node_properties"],"properties":{"compatible":{"description":"The string constant (or component macro) stored in the root's compatible property.","$ref":"#/definitions/identifier"},"node_compatible":{"description":"The string constant every child's compatible property holds.","$ref":"#/definitions/identifier"},"node_properties":{"description":"The u64 properties of every child, by the name the kernel gives them (a string literal in its .c file, not a constant of the header).","type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["property","type"],"properties":{"property":{"description":"The property name as the kernel writes it, e.g. start.","type":"string","pattern":"^[A-Za-z0-9,._+#-]+$"},"type":{"description":"u64: exactly 8 bytes in CPU byte order.","enum":["u64"]},"role":{"description":"What a reader takes it for: a region's physical start or its size in bytes (each role at most once).","enum":["start","size"]},"doc":{"$ref":"#/definitions/doc"}}}}}},"bitmap_chain":{"description":"kho-v1's memory map: a chain of chunk pages, each a header {next, order, count} then an array of entries {start, bitmap}; each entry's bitmap page has one bit per block of 1 << order pages from start.","type":"object","additionalProperties":false,"required":["chunk","next","order","count","entries","start","bitmap"],"properties":{"chunk":{"description":"The struct of one chunk page.","$ref":"#/definitions/identifier"},"next":{"description":"Chunk member holding the physical address of the next chunk (0 ends the chain), e.g. hdr.next.","$ref":"#/definitions/memberPath"},"order":{"description":"Chunk member holding the order of every block the chunk's bitmaps record.","$ref":"#/definitions/memberPath"},"count":{"description":"Chunk member holding the number of valid entries.","$ref":"#/definitions/memberPath"},"entries":{"description":"The chunk's array of entry structs; its length is the chunk's capacity.","$ref":"#/definitions/identifier"},"start":{"description":"Entry member holding the physical address the entry's first bit stands for.","$ref":"#/definitions/identifier"},"bitmap":{"description":"Entry member (a khoser pointer) holding the physical address of the bitmap struct, whose one member is the bitmap.","$ref":"#/definitions/identifier"}}},"page_array":{"description":"Contiguous preserved pages holding a header struct and then up to as many entries of one struct as the pages hold; without a header, entries from the first byte, counted by the ref that points at them (LUO's file arrays before kho blocks).","type":"object","additionalProperties":false,"required":["entry","pages"],"dependencies":{"header":["count"],"count":["header"]},"properties":{"header":{"description":"The struct at the start of the first page; absent when the entries start the first page.","$ref":"#/definitions/identifier"},"count":{"description":"Header member holding the number of entries that follow it.","$ref":"#/definitions/memberPath"},"pages_member":{"description":"Header member holding the number of pages, when the header stores it.","$ref":"#/definitions/memberPath"},"entry":{"description":"The struct of one entry; entries follow the header back to back.","$ref":"#/definitions/identifier"},"pages":{"description":"Number of pages the writer preserves for the array.","$ref":"#/definitions/expr"}}},"fdt":{"description":"A flattened device tree whose root and child nodes carry native-endian properties.","type":"object","additionalProperties":false,"required":["compatible"],"properties":{"compatible":{"description":"The string constant (or component macro) stored in the root compatible property.","$ref":"#/definitions/identifier"},"properties":{"description":"Properties of the root node.","type":"array","items":{"$ref":"#/definitions/fdtProperty"}},"node_properties":{"description":"Properties of every child node.","type":"array","items":{"$ref":"#/definitions/fdtProperty"}},"services":{"description":"Containers that KHO core writes for its users (e.g. kho_vmalloc_area): their compatible strings join the root's composite.","type":"array","uniqueItems":true,"items":{"$ref":"#/definitions/identifier"}}}},"sparse_array":{"description":"A sparse array of u64 entries (the KHO array): a descriptor struct with a magic number, a format version and the address of the first page, then a chain of pages, each a header {next, start} followed by entries at positions start, start + 1, ...; an entry of 0 is a hole, an entry with the value tag set holds a number, any other entry an address.","type":"object","additionalProperties":false,"required":["descriptor","magic","version","first","page","next","start","entries","page_size","capacity","magic_value","version_value","value_tag","value_shift"],"properties":{"descriptor":{"description":"The struct users embed (kho_array).","$ref":"#/definitions/identifier"},"magic":{"description":"Descriptor member holding the magic number.","$ref":"#/definitions/memberPath"},"version":{"description":"Descriptor member holding the format version.","$ref":"#/definitions/memberPath"},"first":{"description":"Descriptor member holding the physical address of the first page (0: the array is empty).","$ref":"#/definitions/memberPath"},"page":{"description":"The struct at the start of every page (kho_array_page).","$ref":"#/definitions/identifier"},"next":{"description":"Page member holding the physical address of the next page (0 ends the chain).","$ref":"#/definitions/memberPath"},"start":{"description":"Page member holding the position of the page's first entry.","$ref":"#/definitions/memberPath"},"entries":{"description":"Page member: the flexible array of u64 entries.","$ref":"#/definitions/memberPath"},"page_size":{"description":"Bytes of one page.","$ref":"#/definitions/expr"},"capacity":{"description":"Entries one page holds after its header.","$ref":"#/definitions/expr"},"magic_value":{"description":"The magic number a reader requires.","$ref":"#/definitions/expr"},"version_value":{"description":"The format version a reader requires.","$ref":"#/definitions/expr"},"value_tag":{"description":"The bit of an entry that marks it as a value rather than an address.","$ref":"#/definitions/expr"},"value_shift":{"description":"The shift that takes a value out of its entry.","$ref":"#/definitions/expr"}}},"dictionary":{"description":"A flat dictionary: a header struct with a magic number, a format version, a count and the address of its entries, stored in a block chain; each entry maps a NUL-terminated name to an object type, a version and a physical address.","type":"object","additionalProperties":false,"required":["header","magic","version","entries","count","entry","name","type","entry_version","address","via","magic_value","version_value"],"properties":{"header":{"description":"The struct the dictionary's owner stores (or hands over as the root).","$ref":"#/definitions/identifier"},"magic":{"description":"Header member holding the magic number.","$ref":"#/definitions/memberPath"},"version":{"description":"Header member holding the format version.","$ref":"#/definitions/memberPath"},"entries":{"description":"Header member holding the physical address of the first block of entries (0: no entries).","$ref":"#/definitions/memberPath"},"count":{"description":"Header member holding the number of entries.","$ref":"#/definitions/memberPath"},"entry":{"description":"The struct of one entry.","$ref":"#/definitions/identifier"},"name":{"description":"Entry member: the name, a NUL-terminated char array.","$ref":"#/definitions/memberPath"},"type":{"description":"Entry member: the object type.","$ref":"#/definitions/memberPath"},"entry_version":{"description":"Entry member: the version of the object's format.","$ref":"#/definitions/memberPath"},"address":{"description":"Entry member: the physical address of the object.","$ref":"#/definitions/memberPath"},"via":{"description":"The block_chain container that stores the entries.","$ref":"#/definitions/identifier"},"magic_value":{"description":"The magic number a reader requires.","$ref":"#/definitions/expr"},"version_value":{"description":"The format version a reader requires.","$ref":"#/definitions/expr"}}}}},"fdtProperty":{"description":"One FDT property.","type":"object","additionalProperties":false,"required":["name","type"],"properties":{"name":{"description":"The string constant holding the property name.","$ref":"#/definitions/identifier"},"type":{"description":"u64 (native byte order) or string.","type":"string","enum":["u64","string"]},"role":{"description":"What a reader takes the property for: memory_map (root: the address of the memory map), data and size (child node: the address and size of the blob).","type":"string","enum":["memory_map","data","size"]},"ref":{"$ref":"#/definitions/ref"},"optional":{"description":"Readers accept a node without it.","type":"boolean"},"doc":{"$ref":"#/definitions/doc"}}},"assert":{"description":"A static assertion.","type":"object","additionalProperties":false,"required":["expr"],"properties":{"expr":{"description":"A constant expression that must be non-zero.","$ref":"#/definitions/expr"},"message":{"description":"Why the assertion holds.","type":"string"},"after":{"description":"Emit the assertion right after this struct, constant or macro, as the kernel header does; at the end of the header when absent.","$ref":"#/definitions/identifier"},"in":{"$ref":"#/definitions/inVersions"},"helper":{"description":"A check of kho-abi's own, emitted only for profiles that ask for helpers (the kernel's header does not have it).","type":"boolean"},"text":{"description":"The C text emitted when it differs from expr (offsetof(), sizeof(unsigned long)): gcc checks it when the header is compiled; kho-abi evaluates expr.","type":"string","minLength":1}}},"macro":{"description":"A function-like (or otherwise non-value) macro the kernel's header defines: its body is C text, emitted as written.","type":"object","additionalProperties":false,"required":["name","body"],"properties":{"name":{"$ref":"#/definitions/identifier"},"params":{"description":"Parameter names; absent for an object-like macro.","type":"array","items":{"$ref":"#/definitions/identifier"}},"body":{"description":"The replacement text, as the kernel writes it; line breaks become backslash continuations.","type":"string","minLength":1},"ifdef":{"description":"Defined only under #ifdef of this config symbol.","$ref":"#/definitions/identifier"},"doc":{"$ref":"#/definitions/doc"},"in":{"$ref":"#/definitions/inVersions"}}},"kernelCheck":{"description":"What the kernel's restore path does with a value this member's check refuses (allowed bits, a missing NUL), and where: kho-abi's readers do the same. refuse: the reader refuses it too (the default); ignore: the kernel restores the data and never looks at the anomaly, so the reader returns the value with a warning (an error with --strict); truncate: the kernel copies a string without its NUL truncated (strscpy), so the reader returns it cut to size - 1 with a warning.","type":"object","additionalProperties":false,"required":["does","by"],"properties":{"does":{"description":"refuse, ignore or truncate.","type":"string","enum":["refuse","ignore","truncate"]},"by":{"description":"The kernel function and file that read the value, e.g. memfd_luo_retrieve_folios (mm/memfd_luo.c).","type":"string","minLength":1}}}}};
const schema12 = {"description":"The name of another schema (its file name without .yaml).","type":"string","pattern":"^[a-z][a-z0-9_]*$"};
const schema14 = {"description":"A C identifier.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"};
const func2 = Object.prototype.hasOwnProperty;
const func3 = require("ajv/dist/runtime/ucs2length").default;
const func0 = require("ajv/dist/runtime/equal").default;
const pattern0 = new RegExp("^[a-z][a-z0-9_]*$", "u");
const pattern2 = new RegExp("^[A-Za-z0-9_./-]+\\.c$", "u");
const pattern3 = new RegExp("^[A-Za-z0-9.+() -]+$", "u");
const pattern4 = new RegExp("^[^\\n]+$", "u");
const pattern7 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
const schema13 = {"description":"The compatible string that versions the layouts of this header, and every version of it that kho-abi knows.","type":"object","additionalProperties":false,"required":["name","versions","current"],"properties":{"name":{"description":"Short name of the component, used on the command line and as a sub-component of others (e.g. memfd, luo, block, vmalloc).","type":"string","pattern":"^[a-z][a-z0-9_]*$"},"macro":{"description":"The #define that holds the compatible string, e.g. MEMFD_LUO_FH_COMPATIBLE.","$ref":"#/definitions/identifier"},"base_macro":{"description":"For composite versions: the #define that holds the base string alone, e.g. MEMFD_LUO_FH_COMPAT_BASE.","$ref":"#/definitions/identifier"},"doc":{"$ref":"#/definitions/doc"},"current":{"description":"The version the generated C header describes.","$ref":"#/definitions/versionId"},"feature_bits":{"description":"Feature bits of the feature-header variant (luo_feature_hdr supp/req/active): each becomes a BIT_ULL() constant.","type":"array","items":{"type":"object","additionalProperties":false,"required":["name","bit"],"properties":{"name":{"$ref":"#/definitions/identifier"},"bit":{"description":"Bit number, 0..63.","type":"integer","minimum":0,"maximum":63},"doc":{"$ref":"#/definitions/doc"}}}},"feature_masks":{"description":"Prefix of the #defines holding the supp, req and active masks of the feature-header version (e.g. LUO_CORE_FEATURES gives LUO_CORE_FEATURES_SUPP); default <NAME>_FEATURES.","$ref":"#/definitions/identifier"},"versions":{"description":"Every known version, oldest first.","type":"array","minItems":1,"items":{"$ref":"#/definitions/version"}},"stored_in":{"description":"Where readers find this component's compatible string: struct.member of a char array (e.g. luo_file_ser.compatible); every version's string, composites included, must fit it.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$"},"version_member":{"description":"struct.member: the integer member that tells apart versions storing the same compatible string, each with its own number: (the PCI FLB's pci_ser.version). A reader of that string reads the member and takes the version of that number; the member accepts only its version's number.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$"}}};
const schema16 = {"description":"Documentation written into the generated kernel-doc comment.","type":"string","minLength":1};
const schema17 = {"description":"The id of a version declared in this schema's component.","type":"string","pattern":"^[a-z0-9][a-z0-9_.-]*$"};
const pattern9 = new RegExp("^[a-z0-9][a-z0-9_.-]*$", "u");
const pattern24 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$", "u");
const schema21 = {"description":"One version of a component.","type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"$ref":"#/definitions/versionId"},"source":{"description":"Where this version was read from: a kernel tree (repo, path, commit) or a posted patch (subject, and message_id or date; list where known). Reviewers and `kho-abi doc` show it beside the version.","type":"object","additionalProperties":false,"properties":{"repo":{"description":"owner/name of the tree, e.g. linux-mm/linux-mm.","type":"string","pattern":"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"},"path":{"description":"The file in that tree, e.g. include/linux/kho/abi/memfd.h.","type":"string","minLength":1},"commit":{"description":"The commit the file was read at (7 to 40 hex digits).","type":"string","pattern":"^[0-9a-f]{7,40}$"},"list":{"description":"The mailing list the patch was posted to.","type":"string","minLength":1},"subject":{"description":"The patch's subject line.","type":"string","minLength":1},"date":{"description":"The date it was posted (YYYY-MM-DD).","type":"string","pattern":"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},"message_id":{"description":"The patch mail's Message-ID, without angle brackets.","type":"string","pattern":"^[^<>\\s]+@[^<>\\s]+$"},"note":{"description":"How sure the reading is, or what differs from the source.","type":"string","minLength":1}}},"compatible":{"description":"The base compatible string of this version, e.g. memfd-v2. Absent for the feature-header variant, which has none.","type":"string","pattern":"^[A-Za-z0-9_.,+-]+$"},"macro":{"description":"The #define that holds this version's compatible string when it is not the component's macro (LUO_FDT_COMPATIBLE in LUO's FDT era, LUO_ABI_COMPATIBLE later); needs a compatible string.","$ref":"#/definitions/identifier"},"number":{"description":"The number this version stores in the component's version_member; versions that store the same compatible string are told apart by it.","type":"integer","minimum":0},"variant_of":{"description":"Another version of this component whose bytes this one has, spelled otherwise in C (DECLARE_KHOSER_PTR(x, void *) for a u64): it stores that version's string, and readers dispatching on the string take that version.","$ref":"#/definitions/versionId"},"compose":{"description":"When true the stored string is the composite: the base followed by ';' and the compatible string of every versioned KHO data structure this version's layouts embed or point to, in strcmp order.","type":"boolean"},"subcomponents":{"description":"The sub-components a composite version is expected to carry; checked against what the layout really uses.","type":"array","uniqueItems":true,"items":{"type":"string","pattern":"^[a-z][a-z0-9_]*$"}},"features":{"description":"For the feature-header variant: the feature bits this version supports, requires and has active.","type":"object","additionalProperties":false,"properties":{"supported":{"description":"Names of feature_bits set in supp.","type":"array","items":{"$ref":"#/definitions/identifier"}},"required":{"description":"Names of feature_bits set in req.","type":"array","items":{"$ref":"#/definitions/identifier"}},"active":{"description":"Names of feature_bits set in active.","type":"array","items":{"$ref":"#/definitions/identifier"}}}},"doc":{"$ref":"#/definitions/doc"}}};
const pattern13 = new RegExp("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", "u");
const pattern14 = new RegExp("^[0-9a-f]{7,40}$", "u");
const pattern15 = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "u");
const pattern16 = new RegExp("^[^<>\\s]+@[^<>\\s]+$", "u");
const pattern17 = new RegExp("^[A-Za-z0-9_.,+-]+$", "u");

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema21.required,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema21.properties, key0))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(!pattern9.test(data0)){
const err2 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/versionId/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_.-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_.-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_.-]*$",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/id",schemaPath:"#/definitions/versionId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.source !== undefined){
let data1 = data.source;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!((((((((key1 === "repo") || (key1 === "path")) || (key1 === "commit")) || (key1 === "list")) || (key1 === "subject")) || (key1 === "date")) || (key1 === "message_id")) || (key1 === "note"))){
const err4 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema21.properties.source,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data1.repo !== undefined){
let data2 = data1.repo;
if(typeof data2 === "string"){
if(!pattern13.test(data2)){
const err5 = {instancePath:instancePath+"/source/repo",schemaPath:"#/properties/source/properties/repo/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"},message:"must match pattern \""+"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$"+"\"",schema:"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$",parentSchema:schema21.properties.source.properties.repo,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/source/repo",schemaPath:"#/properties/source/properties/repo/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.source.properties.repo.type,parentSchema:schema21.properties.source.properties.repo,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data1.path !== undefined){
let data3 = data1.path;
if(typeof data3 === "string"){
if(func3(data3) < 1){
const err7 = {instancePath:instancePath+"/source/path",schemaPath:"#/properties/source/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.properties.source.properties.path,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/source/path",schemaPath:"#/properties/source/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.source.properties.path.type,parentSchema:schema21.properties.source.properties.path,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.commit !== undefined){
let data4 = data1.commit;
if(typeof data4 === "string"){
if(!pattern14.test(data4)){
const err9 = {instancePath:instancePath+"/source/commit",schemaPath:"#/properties/source/properties/commit/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{7,40}$"},message:"must match pattern \""+"^[0-9a-f]{7,40}$"+"\"",schema:"^[0-9a-f]{7,40}$",parentSchema:schema21.properties.source.properties.commit,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/source/commit",schemaPath:"#/properties/source/properties/commit/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.source.properties.commit.type,parentSchema:schema21.properties.source.properties.commit,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data1.list !== undefined){
let data5 = data1.list;
if(typeof data5 === "string"){
if(func3(data5) < 1){
const err11 = {instancePath:instancePath+"/source/list",schemaPath:"#/properties/source/properties/list/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.properties.source.properties.list,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/source/list",schemaPath:"#/properties/source/properties/list/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.source.properties.list.type,parentSchema:schema21.properties.source.properties.list,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data1.subject !== undefined){
let data6 = data1.subject;
if(typeof data6 === "string"){
if(func3(data6) < 1){
const err13 = {instancePath:instancePath+"/source/subject",schemaPath:"#/properties/source/properties/subject/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.properties.source.properties.subject,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/source/subject",schemaPath:"#/properties/source/properties/subject/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.source.properties.subject.type,parentSchema:schema21.properties.source.properties.subject,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data1.date !== undefined){
let data7 = data1.date;
if(typeof data7 === "string"){
if(!pattern15.test(data7)){
const err15 = {instancePath:instancePath+"/source/date",schemaPath:"#/properties/source/properties/date/pattern",keyword:"pattern",params:{pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},message:"must match pattern \""+"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"+"\"",schema:"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",parentSchema:schema21.properties.source.properties.date,data:data7};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/source/date",schemaPath:"#/properties/source/properties/date/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.source.properties.date.type,parentSchema:schema21.properties.source.properties.date,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data1.message_id !== undefined){
let data8 = data1.message_id;
if(typeof data8 === "string"){
if(!pattern16.test(data8)){
const err17 = {instancePath:instancePath+"/source/message_id",schemaPath:"#/properties/source/properties/message_id/pattern",keyword:"pattern",params:{pattern: "^[^<>\\s]+@[^<>\\s]+$"},message:"must match pattern \""+"^[^<>\\s]+@[^<>\\s]+$"+"\"",schema:"^[^<>\\s]+@[^<>\\s]+$",parentSchema:schema21.properties.source.properties.message_id,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/source/message_id",schemaPath:"#/properties/source/properties/message_id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.source.properties.message_id.type,parentSchema:schema21.properties.source.properties.message_id,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data1.note !== undefined){
let data9 = data1.note;
if(typeof data9 === "string"){
if(func3(data9) < 1){
const err19 = {instancePath:instancePath+"/source/note",schemaPath:"#/properties/source/properties/note/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema21.properties.source.properties.note,data:data9};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/source/note",schemaPath:"#/properties/source/properties/note/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.source.properties.note.type,parentSchema:schema21.properties.source.properties.note,data:data9};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.properties.source.type,parentSchema:schema21.properties.source,data:data1};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.compatible !== undefined){
let data10 = data.compatible;
if(typeof data10 === "string"){
if(!pattern17.test(data10)){
const err22 = {instancePath:instancePath+"/compatible",schemaPath:"#/properties/compatible/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_.,+-]+$"},message:"must match pattern \""+"^[A-Za-z0-9_.,+-]+$"+"\"",schema:"^[A-Za-z0-9_.,+-]+$",parentSchema:schema21.properties.compatible,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/compatible",schemaPath:"#/properties/compatible/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.compatible.type,parentSchema:schema21.properties.compatible,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.macro !== undefined){
let data11 = data.macro;
if(typeof data11 === "string"){
if(!pattern7.test(data11)){
const err24 = {instancePath:instancePath+"/macro",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/macro",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.number !== undefined){
let data12 = data.number;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err26 = {instancePath:instancePath+"/number",schemaPath:"#/properties/number/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema21.properties.number.type,parentSchema:schema21.properties.number,data:data12};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 0 || isNaN(data12)){
const err27 = {instancePath:instancePath+"/number",schemaPath:"#/properties/number/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema21.properties.number,data:data12};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
if(data.variant_of !== undefined){
let data13 = data.variant_of;
if(typeof data13 === "string"){
if(!pattern9.test(data13)){
const err28 = {instancePath:instancePath+"/variant_of",schemaPath:"#/definitions/versionId/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_.-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_.-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_.-]*$",parentSchema:schema17,data:data13};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/variant_of",schemaPath:"#/definitions/versionId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data13};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.compose !== undefined){
let data14 = data.compose;
if(typeof data14 !== "boolean"){
const err30 = {instancePath:instancePath+"/compose",schemaPath:"#/properties/compose/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema21.properties.compose.type,parentSchema:schema21.properties.compose,data:data14};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.subcomponents !== undefined){
let data15 = data.subcomponents;
if(Array.isArray(data15)){
const len0 = data15.length;
for(let i0=0; i0<len0; i0++){
let data16 = data15[i0];
if(typeof data16 === "string"){
if(!pattern0.test(data16)){
const err31 = {instancePath:instancePath+"/subcomponents/" + i0,schemaPath:"#/properties/subcomponents/items/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema21.properties.subcomponents.items,data:data16};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/subcomponents/" + i0,schemaPath:"#/properties/subcomponents/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.subcomponents.items.type,parentSchema:schema21.properties.subcomponents.items,data:data16};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
let i1 = data15.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data15[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err33 = {instancePath:instancePath+"/subcomponents",schemaPath:"#/properties/subcomponents/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema21.properties.subcomponents,data:data15};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err34 = {instancePath:instancePath+"/subcomponents",schemaPath:"#/properties/subcomponents/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.properties.subcomponents.type,parentSchema:schema21.properties.subcomponents,data:data15};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data.features !== undefined){
let data17 = data.features;
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
for(const key2 in data17){
if(!(((key2 === "supported") || (key2 === "required")) || (key2 === "active"))){
const err35 = {instancePath:instancePath+"/features",schemaPath:"#/properties/features/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema21.properties.features,data:data17};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data17.supported !== undefined){
let data18 = data17.supported;
if(Array.isArray(data18)){
const len1 = data18.length;
for(let i2=0; i2<len1; i2++){
let data19 = data18[i2];
if(typeof data19 === "string"){
if(!pattern7.test(data19)){
const err36 = {instancePath:instancePath+"/features/supported/" + i2,schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data19};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/features/supported/" + i2,schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data19};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/features/supported",schemaPath:"#/properties/features/properties/supported/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.properties.features.properties.supported.type,parentSchema:schema21.properties.features.properties.supported,data:data18};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data17.required !== undefined){
let data20 = data17.required;
if(Array.isArray(data20)){
const len2 = data20.length;
for(let i3=0; i3<len2; i3++){
let data21 = data20[i3];
if(typeof data21 === "string"){
if(!pattern7.test(data21)){
const err39 = {instancePath:instancePath+"/features/required/" + i3,schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data21};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/features/required/" + i3,schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data21};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/features/required",schemaPath:"#/properties/features/properties/required/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.properties.features.properties.required.type,parentSchema:schema21.properties.features.properties.required,data:data20};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data17.active !== undefined){
let data22 = data17.active;
if(Array.isArray(data22)){
const len3 = data22.length;
for(let i4=0; i4<len3; i4++){
let data23 = data22[i4];
if(typeof data23 === "string"){
if(!pattern7.test(data23)){
const err42 = {instancePath:instancePath+"/features/active/" + i4,schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data23};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/features/active/" + i4,schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data23};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/features/active",schemaPath:"#/properties/features/properties/active/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema21.properties.features.properties.active.type,parentSchema:schema21.properties.features.properties.active,data:data22};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/features",schemaPath:"#/properties/features/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.properties.features.type,parentSchema:schema21.properties.features,data:data17};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.doc !== undefined){
let data24 = data.doc;
if(typeof data24 === "string"){
if(func3(data24) < 1){
const err46 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data24};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data24};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.type,parentSchema:schema21,data};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}


function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.versions === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "versions"},message:"must have required property '"+"versions"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.current === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "current"},message:"must have required property '"+"current"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema13.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema13.properties.name,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.name.type,parentSchema:schema13.properties.name,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.macro !== undefined){
let data1 = data.macro;
if(typeof data1 === "string"){
if(!pattern7.test(data1)){
const err6 = {instancePath:instancePath+"/macro",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/macro",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.base_macro !== undefined){
let data2 = data.base_macro;
if(typeof data2 === "string"){
if(!pattern7.test(data2)){
const err8 = {instancePath:instancePath+"/base_macro",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/base_macro",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.doc !== undefined){
let data3 = data.doc;
if(typeof data3 === "string"){
if(func3(data3) < 1){
const err10 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.current !== undefined){
let data4 = data.current;
if(typeof data4 === "string"){
if(!pattern9.test(data4)){
const err12 = {instancePath:instancePath+"/current",schemaPath:"#/definitions/versionId/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_.-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_.-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_.-]*$",parentSchema:schema17,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/current",schemaPath:"#/definitions/versionId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.feature_bits !== undefined){
let data5 = data.feature_bits;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.name === undefined){
const err14 = {instancePath:instancePath+"/feature_bits/" + i0,schemaPath:"#/properties/feature_bits/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema13.properties.feature_bits.items.required,parentSchema:schema13.properties.feature_bits.items,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data6.bit === undefined){
const err15 = {instancePath:instancePath+"/feature_bits/" + i0,schemaPath:"#/properties/feature_bits/items/required",keyword:"required",params:{missingProperty: "bit"},message:"must have required property '"+"bit"+"'",schema:schema13.properties.feature_bits.items.required,parentSchema:schema13.properties.feature_bits.items,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
for(const key1 in data6){
if(!(((key1 === "name") || (key1 === "bit")) || (key1 === "doc"))){
const err16 = {instancePath:instancePath+"/feature_bits/" + i0,schemaPath:"#/properties/feature_bits/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema13.properties.feature_bits.items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data6.name !== undefined){
let data7 = data6.name;
if(typeof data7 === "string"){
if(!pattern7.test(data7)){
const err17 = {instancePath:instancePath+"/feature_bits/" + i0+"/name",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/feature_bits/" + i0+"/name",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data6.bit !== undefined){
let data8 = data6.bit;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err19 = {instancePath:instancePath+"/feature_bits/" + i0+"/bit",schemaPath:"#/properties/feature_bits/items/properties/bit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema13.properties.feature_bits.items.properties.bit.type,parentSchema:schema13.properties.feature_bits.items.properties.bit,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 63 || isNaN(data8)){
const err20 = {instancePath:instancePath+"/feature_bits/" + i0+"/bit",schemaPath:"#/properties/feature_bits/items/properties/bit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 63},message:"must be <= 63",schema:63,parentSchema:schema13.properties.feature_bits.items.properties.bit,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data8 < 0 || isNaN(data8)){
const err21 = {instancePath:instancePath+"/feature_bits/" + i0+"/bit",schemaPath:"#/properties/feature_bits/items/properties/bit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema13.properties.feature_bits.items.properties.bit,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
if(data6.doc !== undefined){
let data9 = data6.doc;
if(typeof data9 === "string"){
if(func3(data9) < 1){
const err22 = {instancePath:instancePath+"/feature_bits/" + i0+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/feature_bits/" + i0+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/feature_bits/" + i0,schemaPath:"#/properties/feature_bits/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.properties.feature_bits.items.type,parentSchema:schema13.properties.feature_bits.items,data:data6};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/feature_bits",schemaPath:"#/properties/feature_bits/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.properties.feature_bits.type,parentSchema:schema13.properties.feature_bits,data:data5};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.feature_masks !== undefined){
let data10 = data.feature_masks;
if(typeof data10 === "string"){
if(!pattern7.test(data10)){
const err26 = {instancePath:instancePath+"/feature_masks",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
else {
const err27 = {instancePath:instancePath+"/feature_masks",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.versions !== undefined){
let data11 = data.versions;
if(Array.isArray(data11)){
if(data11.length < 1){
const err28 = {instancePath:instancePath+"/versions",schemaPath:"#/properties/versions/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema13.properties.versions,data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
if(!(validate12(data11[i1], {instancePath:instancePath+"/versions/" + i1,parentData:data11,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
}
else {
const err29 = {instancePath:instancePath+"/versions",schemaPath:"#/properties/versions/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.properties.versions.type,parentSchema:schema13.properties.versions,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.stored_in !== undefined){
let data13 = data.stored_in;
if(typeof data13 === "string"){
if(!pattern24.test(data13)){
const err30 = {instancePath:instancePath+"/stored_in",schemaPath:"#/properties/stored_in/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema13.properties.stored_in,data:data13};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/stored_in",schemaPath:"#/properties/stored_in/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.stored_in.type,parentSchema:schema13.properties.stored_in,data:data13};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.version_member !== undefined){
let data14 = data.version_member;
if(typeof data14 === "string"){
if(!pattern24.test(data14)){
const err32 = {instancePath:instancePath+"/version_member",schemaPath:"#/properties/version_member/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema13.properties.version_member,data:data14};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/version_member",schemaPath:"#/properties/version_member/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.version_member.type,parentSchema:schema13.properties.version_member,data:data14};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
else {
const err34 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const schema29 = {"description":"A name defined by another kernel header.","type":"object","additionalProperties":false,"required":["name","header"],"properties":{"name":{"$ref":"#/definitions/identifier"},"value":{"description":"Its numeric value.","$ref":"#/definitions/expr"},"string":{"description":"Its string value.","type":"string"},"header":{"description":"The header that defines it, as written in #include <...>, e.g. linux/fcntl.h.","type":"string","pattern":"^[a-z0-9_/.-]+\\.h$"},"doc":{"$ref":"#/definitions/doc"}}};
const schema31 = {"description":"A C constant expression: integers (decimal, 0x hex, with U/L suffixes), names of constants, enumerators and externals, PAGE_SIZE, PAGE_SHIFT, sizeof(struct name), sizeof(u64), sizeof(STRING_CONSTANT), the operators + - * / % << >> & | ^ ~ ! == != < <= > >= && || ?: and the functions BIT, BIT_ULL, GENMASK, GENMASK_ULL, ALIGN, DIV_ROUND_UP, BITS_TO_LONGS, const_ilog2.","type":["string","integer"]};
const pattern27 = new RegExp("^[a-z0-9_/.-]+\\.h$", "u");

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.header === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "header"},message:"must have required property '"+"header"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "name") || (key0 === "value")) || (key0 === "string")) || (key0 === "header")) || (key0 === "doc"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.value !== undefined){
let data1 = data.value;
if((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))){
const err5 = {instancePath:instancePath+"/value",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.string !== undefined){
let data2 = data.string;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/string",schemaPath:"#/properties/string/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.string.type,parentSchema:schema29.properties.string,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.header !== undefined){
let data3 = data.header;
if(typeof data3 === "string"){
if(!pattern27.test(data3)){
const err7 = {instancePath:instancePath+"/header",schemaPath:"#/properties/header/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9_/.-]+\\.h$"},message:"must match pattern \""+"^[a-z0-9_/.-]+\\.h$"+"\"",schema:"^[a-z0-9_/.-]+\\.h$",parentSchema:schema29.properties.header,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/header",schemaPath:"#/properties/header/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.header.type,parentSchema:schema29.properties.header,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.doc !== undefined){
let data4 = data.doc;
if(typeof data4 === "string"){
if(func3(data4) < 1){
const err9 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.type,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate15.errors = vErrors;
return errors === 0;
}

const schema33 = {"description":"A #define: exactly one of value (a number) or string.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"$ref":"#/definitions/identifier"},"value":{"description":"A constant expression.","$ref":"#/definitions/expr"},"string":{"description":"A string literal value (no NUL).","type":"string"},"doc":{"$ref":"#/definitions/doc"},"in":{"$ref":"#/definitions/inVersions"},"variants":{"description":"How some versions differ from value or string: text spells the same number otherwise (KHO_COMPAT_ALIGN(X) for ALIGN(sizeof(X), 8)); value is another number; string is another string value (the fdt property of kho-v1).","type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["in"],"properties":{"in":{"$ref":"#/definitions/inVersions"},"text":{"description":"The C text of the value in those versions; the number must be the same.","type":"string","minLength":1},"string":{"description":"The string value in those versions.","type":"string"},"value":{"description":"Another number in those versions (PRESERVE_BITS of kho-v1 was 512 * 8, then PAGE_SIZE * 8).","$ref":"#/definitions/expr"}}}}}};
const schema37 = {"description":"The versions of this schema's component in which this item exists; all versions when absent.","type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/versionId"}};

function validate18(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(Array.isArray(data)){
if(data.length < 1){
const err0 = {instancePath,schemaPath:"#/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(typeof data0 === "string"){
if(!pattern9.test(data0)){
const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/versionId/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_.-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_.-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_.-]*$",parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/versionId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
let i1 = data.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data[i1], data[j0])){
const err3 = {instancePath,schemaPath:"#/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema37.type,parentSchema:schema37,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate18.errors = vErrors;
return errors === 0;
}


function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema33.required,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "name") || (key0 === "value")) || (key0 === "string")) || (key0 === "doc")) || (key0 === "in")) || (key0 === "variants"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.value !== undefined){
let data1 = data.value;
if((typeof data1 !== "string") && (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1))))){
const err4 = {instancePath:instancePath+"/value",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.string !== undefined){
let data2 = data.string;
if(typeof data2 !== "string"){
const err5 = {instancePath:instancePath+"/string",schemaPath:"#/properties/string/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.string.type,parentSchema:schema33.properties.string,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.doc !== undefined){
let data3 = data.doc;
if(typeof data3 === "string"){
if(func3(data3) < 1){
const err6 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data3};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.in !== undefined){
if(!(validate18(data.in, {instancePath:instancePath+"/in",parentData:data,parentDataProperty:"in",rootData}))){
vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
errors = vErrors.length;
}
}
if(data.variants !== undefined){
let data5 = data.variants;
if(Array.isArray(data5)){
if(data5.length < 1){
const err8 = {instancePath:instancePath+"/variants",schemaPath:"#/properties/variants/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema33.properties.variants,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.in === undefined){
const err9 = {instancePath:instancePath+"/variants/" + i0,schemaPath:"#/properties/variants/items/required",keyword:"required",params:{missingProperty: "in"},message:"must have required property '"+"in"+"'",schema:schema33.properties.variants.items.required,parentSchema:schema33.properties.variants.items,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key1 in data6){
if(!((((key1 === "in") || (key1 === "text")) || (key1 === "string")) || (key1 === "value"))){
const err10 = {instancePath:instancePath+"/variants/" + i0,schemaPath:"#/properties/variants/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema33.properties.variants.items,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data6.in !== undefined){
if(!(validate18(data6.in, {instancePath:instancePath+"/variants/" + i0+"/in",parentData:data6,parentDataProperty:"in",rootData}))){
vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
errors = vErrors.length;
}
}
if(data6.text !== undefined){
let data8 = data6.text;
if(typeof data8 === "string"){
if(func3(data8) < 1){
const err11 = {instancePath:instancePath+"/variants/" + i0+"/text",schemaPath:"#/properties/variants/items/properties/text/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema33.properties.variants.items.properties.text,data:data8};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/variants/" + i0+"/text",schemaPath:"#/properties/variants/items/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.variants.items.properties.text.type,parentSchema:schema33.properties.variants.items.properties.text,data:data8};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data6.string !== undefined){
let data9 = data6.string;
if(typeof data9 !== "string"){
const err13 = {instancePath:instancePath+"/variants/" + i0+"/string",schemaPath:"#/properties/variants/items/properties/string/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.properties.variants.items.properties.string.type,parentSchema:schema33.properties.variants.items.properties.string,data:data9};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data6.value !== undefined){
let data10 = data6.value;
if((typeof data10 !== "string") && (!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10))))){
const err14 = {instancePath:instancePath+"/variants/" + i0+"/value",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/variants/" + i0,schemaPath:"#/properties/variants/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.properties.variants.items.type,parentSchema:schema33.properties.variants.items,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/variants",schemaPath:"#/properties/variants/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema33.properties.variants.type,parentSchema:schema33.properties.variants,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema33.type,parentSchema:schema33,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}

const schema40 = {"description":"A function-like (or otherwise non-value) macro the kernel's header defines: its body is C text, emitted as written.","type":"object","additionalProperties":false,"required":["name","body"],"properties":{"name":{"$ref":"#/definitions/identifier"},"params":{"description":"Parameter names; absent for an object-like macro.","type":"array","items":{"$ref":"#/definitions/identifier"}},"body":{"description":"The replacement text, as the kernel writes it; line breaks become backslash continuations.","type":"string","minLength":1},"ifdef":{"description":"Defined only under #ifdef of this config symbol.","$ref":"#/definitions/identifier"},"doc":{"$ref":"#/definitions/doc"},"in":{"$ref":"#/definitions/inVersions"}}};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.body === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "body"},message:"must have required property '"+"body"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "name") || (key0 === "params")) || (key0 === "body")) || (key0 === "ifdef")) || (key0 === "doc")) || (key0 === "in"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.params !== undefined){
let data1 = data.params;
if(Array.isArray(data1)){
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(typeof data2 === "string"){
if(!pattern7.test(data2)){
const err5 = {instancePath:instancePath+"/params/" + i0,schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/params/" + i0,schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/params",schemaPath:"#/properties/params/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema40.properties.params.type,parentSchema:schema40.properties.params,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.body !== undefined){
let data3 = data.body;
if(typeof data3 === "string"){
if(func3(data3) < 1){
const err8 = {instancePath:instancePath+"/body",schemaPath:"#/properties/body/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.body,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/body",schemaPath:"#/properties/body/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.body.type,parentSchema:schema40.properties.body,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.ifdef !== undefined){
let data4 = data.ifdef;
if(typeof data4 === "string"){
if(!pattern7.test(data4)){
const err10 = {instancePath:instancePath+"/ifdef",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/ifdef",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.doc !== undefined){
let data5 = data.doc;
if(typeof data5 === "string"){
if(func3(data5) < 1){
const err12 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.in !== undefined){
if(!(validate18(data.in, {instancePath:instancePath+"/in",parentData:data,parentDataProperty:"in",rootData}))){
vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
errors = vErrors.length;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}

const schema45 = {"description":"A C enum.","type":"object","additionalProperties":false,"required":["name","values"],"properties":{"name":{"$ref":"#/definitions/identifier"},"doc":{"$ref":"#/definitions/doc"},"values":{"type":"array","description":"Enumerators in order.","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"$ref":"#/definitions/identifier"},"value":{"description":"A constant expression; earlier enumerators may be used. Without it the enumerator is the one before it plus one (0 for the first), and the header writes no value, as the kernel's enum iommu_lu_type does.","$ref":"#/definitions/expr"},"in":{"description":"The versions that declare this enumerator; absent: every version (prati0100's memory map has KHO_RADIX_KEY_WIDTH where the others have KHO_ORDER_0_LOG2).","$ref":"#/definitions/inVersions"},"variants":{"description":"Versions in which the enumerator has another definition (the memory map of kho-v2 computed its depth without the order bit).","type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["in","value"],"properties":{"in":{"$ref":"#/definitions/inVersions"},"value":{"description":"The definition in those versions.","$ref":"#/definitions/expr"}}}},"doc":{"$ref":"#/definitions/doc"}}}}}};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema45.required,parentSchema:schema45,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.values === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "values"},message:"must have required property '"+"values"+"'",schema:schema45.required,parentSchema:schema45,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "name") || (key0 === "doc")) || (key0 === "values"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema45,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.doc !== undefined){
let data1 = data.doc;
if(typeof data1 === "string"){
if(func3(data1) < 1){
const err5 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.values !== undefined){
let data2 = data.values;
if(Array.isArray(data2)){
if(data2.length < 1){
const err7 = {instancePath:instancePath+"/values",schemaPath:"#/properties/values/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema45.properties.values,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.name === undefined){
const err8 = {instancePath:instancePath+"/values/" + i0,schemaPath:"#/properties/values/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema45.properties.values.items.required,parentSchema:schema45.properties.values.items,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key1 in data3){
if(!(((((key1 === "name") || (key1 === "value")) || (key1 === "in")) || (key1 === "variants")) || (key1 === "doc"))){
const err9 = {instancePath:instancePath+"/values/" + i0,schemaPath:"#/properties/values/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema45.properties.values.items,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data3.name !== undefined){
let data4 = data3.name;
if(typeof data4 === "string"){
if(!pattern7.test(data4)){
const err10 = {instancePath:instancePath+"/values/" + i0+"/name",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/values/" + i0+"/name",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data3.value !== undefined){
let data5 = data3.value;
if((typeof data5 !== "string") && (!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5))))){
const err12 = {instancePath:instancePath+"/values/" + i0+"/value",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data3.in !== undefined){
if(!(validate18(data3.in, {instancePath:instancePath+"/values/" + i0+"/in",parentData:data3,parentDataProperty:"in",rootData}))){
vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
errors = vErrors.length;
}
}
if(data3.variants !== undefined){
let data7 = data3.variants;
if(Array.isArray(data7)){
if(data7.length < 1){
const err13 = {instancePath:instancePath+"/values/" + i0+"/variants",schemaPath:"#/properties/values/items/properties/variants/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema45.properties.values.items.properties.variants,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.in === undefined){
const err14 = {instancePath:instancePath+"/values/" + i0+"/variants/" + i1,schemaPath:"#/properties/values/items/properties/variants/items/required",keyword:"required",params:{missingProperty: "in"},message:"must have required property '"+"in"+"'",schema:schema45.properties.values.items.properties.variants.items.required,parentSchema:schema45.properties.values.items.properties.variants.items,data:data8};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data8.value === undefined){
const err15 = {instancePath:instancePath+"/values/" + i0+"/variants/" + i1,schemaPath:"#/properties/values/items/properties/variants/items/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema45.properties.values.items.properties.variants.items.required,parentSchema:schema45.properties.values.items.properties.variants.items,data:data8};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
for(const key2 in data8){
if(!((key2 === "in") || (key2 === "value"))){
const err16 = {instancePath:instancePath+"/values/" + i0+"/variants/" + i1,schemaPath:"#/properties/values/items/properties/variants/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema45.properties.values.items.properties.variants.items,data:data8};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data8.in !== undefined){
if(!(validate18(data8.in, {instancePath:instancePath+"/values/" + i0+"/variants/" + i1+"/in",parentData:data8,parentDataProperty:"in",rootData}))){
vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
errors = vErrors.length;
}
}
if(data8.value !== undefined){
let data10 = data8.value;
if((typeof data10 !== "string") && (!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10))))){
const err17 = {instancePath:instancePath+"/values/" + i0+"/variants/" + i1+"/value",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/values/" + i0+"/variants/" + i1,schemaPath:"#/properties/values/items/properties/variants/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.properties.values.items.properties.variants.items.type,parentSchema:schema45.properties.values.items.properties.variants.items,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/values/" + i0+"/variants",schemaPath:"#/properties/values/items/properties/variants/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema45.properties.values.items.properties.variants.type,parentSchema:schema45.properties.values.items.properties.variants,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data3.doc !== undefined){
let data11 = data3.doc;
if(typeof data11 === "string"){
if(func3(data11) < 1){
const err20 = {instancePath:instancePath+"/values/" + i0+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data11};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/values/" + i0+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data11};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/values/" + i0,schemaPath:"#/properties/values/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.properties.values.items.type,parentSchema:schema45.properties.values.items,data:data3};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/values",schemaPath:"#/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema45.properties.values.type,parentSchema:schema45.properties.values,data:data2};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.type,parentSchema:schema45,data};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}

const schema52 = {"description":"A C structure.","type":"object","additionalProperties":false,"required":["name","fields"],"properties":{"name":{"$ref":"#/definitions/identifier"},"doc":{"$ref":"#/definitions/doc"},"packed":{"description":"Declared __packed: every member at alignment 1, no padding.","type":"boolean"},"size":{"description":"The size the structure must have, as an expression (e.g. PAGE_SIZE). Checked by kho-abi and emitted as static_assert; when absent the computed size is asserted.","$ref":"#/definitions/expr"},"section":{"description":"The linker section of vmlinux this structure fills (.liveupdate_versions): the section's bytes are one instance, and a flexible array without a count runs to the section's end. Not an attribute of the type: the kernel places its instance with __section in a .c file.","type":"string","pattern":"^\\.[A-Za-z0-9_.]+$"},"in":{"$ref":"#/definitions/inVersions"},"fields":{"type":"array","description":"Members in order.","minItems":1,"items":{"$ref":"#/definitions/field"}}}};
const pattern36 = new RegExp("^\\.[A-Za-z0-9_.]+$", "u");
const schema56 = {"description":"A member: a scalar (type), an array (type + count), a flexible array (type + flexible), a bitfield group (type + bits), a bitmap (bitmap), a khoser pointer union (khoser), a raw kernel pointer (pointer) or an anonymous union (union).","type":"object","additionalProperties":false,"properties":{"name":{"$ref":"#/definitions/identifier"},"doc":{"$ref":"#/definitions/doc"},"type":{"description":"u8, u16, u32, u64, s8, s16, s32, s64, char, or the name of a struct (this schema's or an included one's).","$ref":"#/definitions/identifier"},"count":{"description":"Number of elements: makes the member an array. A char array holds a NUL-padded string. With khoser: an array of that many khoser pointers (DECLARE_KHOSER_PTR(name, struct target *)[count]).","$ref":"#/definitions/expr"},"flexible":{"description":"A flexible array member (type name[]), last in its struct.","type":"boolean","enum":[true]},"string_size":{"description":"With type: char and flexible: true, a flexible array of fixed-size strings (char name[][string_size]): each element a NUL-padded string in this many bytes.","$ref":"#/definitions/expr"},"bits":{"description":"Bitfields sharing one storage unit of the given type, each at an explicit least-significant bit.","type":"array","minItems":1,"items":{"$ref":"#/definitions/bitfield"}},"bitmap":{"description":"A DECLARE_BITMAP of this many bits (an array of unsigned long).","$ref":"#/definitions/expr"},"khoser":{"description":"A DECLARE_KHOSER_PTR union: a u64 physical address overlaid on a pointer to this struct; `void` for an untyped one (DECLARE_KHOSER_PTR(name, void *)), an address with no target to walk.","$ref":"#/definitions/identifier"},"pointer":{"description":"A kernel pointer the kernel stores as is (struct <this name> *member): 8 bytes that mean nothing after kexec. The C declares the pointer; readers take it as an opaque u64 and writers store 0. It takes no checks, count or ref.","$ref":"#/definitions/identifier"},"union":{"description":"An anonymous union of these members.","type":"array","minItems":1,"items":{"$ref":"#/definitions/field"}},"ref":{"$ref":"#/definitions/ref"},"allowed":{"description":"The bits a reader accepts in this value; any other set bit makes the kernel reject the object.","$ref":"#/definitions/expr"},"equals":{"description":"The only value a reader accepts in this integer member (e.g. a format version); any other makes the kernel refuse the object.","$ref":"#/definitions/expr"},"in":{"$ref":"#/definitions/inVersions"},"holds":{"description":"For a char array: the string constant (or component macro) it stores; kho-abi checks that the string and its NUL fit.","$ref":"#/definitions/identifier"},"ctype":{"description":"How the kernel's header spells the member's type when it is not the type name itself (unsigned int for a u32). Must have the size and signedness of type. 'enum <name>' makes a member of one of the schema's enums (enum iommu_lu_type type;): type u32, or s32 when a value is negative, as gcc stores the enum.","type":"string","anyOf":[{"pattern":"^enum [A-Za-z_][A-Za-z0-9_]*$"},{"enum":["unsigned char","unsigned short","unsigned int","unsigned long","unsigned long long","signed char","short","int","long","long long","__u8","__u16","__u32","__u64","__s8","__s16","__s32","__s64","phys_addr_t"]}]},"at_most":{"description":"An earlier integer member of the same struct this one may not exceed (nr_devices <= max_nr_devices): the array it counts holds only that many.","$ref":"#/definitions/identifier"},"as_number":{"description":"For a u64 member the kernel bounds below 2^53 (a page index, a count, a pfn): the TypeScript codecs read and write it as a checked number, not a bigint. A stored value above max, which no kernel writes but the restore reads on, is read with a beyond-bound warning (refused in strict mode); above 2^53 - 1 it is refused with a located error. The C is unchanged.","type":"object","additionalProperties":false,"required":["max","by"],"properties":{"max":{"description":"The largest value the kernel gives the member; at most 2^53 - 1 (Number.MAX_SAFE_INTEGER).","$ref":"#/definitions/expr"},"by":{"description":"The kernel function (and file) that reads the value, which a warning beyond max cites, and why no kernel writes more than max.","type":"string","minLength":1}}},"kernel":{"$ref":"#/definitions/kernelCheck"}}};
const schema66 = {"description":"What the kernel's restore path does with a value this member's check refuses (allowed bits, a missing NUL), and where: kho-abi's readers do the same. refuse: the reader refuses it too (the default); ignore: the kernel restores the data and never looks at the anomaly, so the reader returns the value with a warning (an error with --strict); truncate: the kernel copies a string without its NUL truncated (strscpy), so the reader returns it cut to size - 1 with a warning.","type":"object","additionalProperties":false,"required":["does","by"],"properties":{"does":{"description":"refuse, ignore or truncate.","type":"string","enum":["refuse","ignore","truncate"]},"by":{"description":"The kernel function and file that read the value, e.g. memfd_luo_retrieve_folios (mm/memfd_luo.c).","type":"string","minLength":1}}};
const pattern46 = new RegExp("^enum [A-Za-z_][A-Za-z0-9_]*$", "u");
const schema62 = {"description":"One bitfield inside a storage unit, numbered from the least significant bit as GCC does on little-endian targets.","type":"object","additionalProperties":false,"required":["name","lsb","width"],"properties":{"name":{"$ref":"#/definitions/identifier"},"lsb":{"description":"Least significant bit of the field inside its storage unit.","type":"integer","minimum":0},"width":{"description":"Width in bits.","type":"integer","minimum":1},"doc":{"$ref":"#/definitions/doc"},"allowed":{"description":"The values a reader accepts as a bit mask; other set bits are rejected.","$ref":"#/definitions/expr"},"kernel":{"$ref":"#/definitions/kernelCheck"}}};

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema62.required,parentSchema:schema62,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.lsb === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "lsb"},message:"must have required property '"+"lsb"+"'",schema:schema62.required,parentSchema:schema62,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.width === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "width"},message:"must have required property '"+"width"+"'",schema:schema62.required,parentSchema:schema62,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "name") || (key0 === "lsb")) || (key0 === "width")) || (key0 === "doc")) || (key0 === "allowed")) || (key0 === "kernel"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema62,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.lsb !== undefined){
let data1 = data.lsb;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err6 = {instancePath:instancePath+"/lsb",schemaPath:"#/properties/lsb/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema62.properties.lsb.type,parentSchema:schema62.properties.lsb,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err7 = {instancePath:instancePath+"/lsb",schemaPath:"#/properties/lsb/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema62.properties.lsb,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
if(data.width !== undefined){
let data2 = data.width;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
const err8 = {instancePath:instancePath+"/width",schemaPath:"#/properties/width/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema62.properties.width.type,parentSchema:schema62.properties.width,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 1 || isNaN(data2)){
const err9 = {instancePath:instancePath+"/width",schemaPath:"#/properties/width/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema62.properties.width,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.doc !== undefined){
let data3 = data.doc;
if(typeof data3 === "string"){
if(func3(data3) < 1){
const err10 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.allowed !== undefined){
let data4 = data.allowed;
if((typeof data4 !== "string") && (!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4))))){
const err12 = {instancePath:instancePath+"/allowed",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.kernel !== undefined){
let data5 = data.kernel;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.does === undefined){
const err13 = {instancePath:instancePath+"/kernel",schemaPath:"#/definitions/kernelCheck/required",keyword:"required",params:{missingProperty: "does"},message:"must have required property '"+"does"+"'",schema:schema66.required,parentSchema:schema66,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(data5.by === undefined){
const err14 = {instancePath:instancePath+"/kernel",schemaPath:"#/definitions/kernelCheck/required",keyword:"required",params:{missingProperty: "by"},message:"must have required property '"+"by"+"'",schema:schema66.required,parentSchema:schema66,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
for(const key1 in data5){
if(!((key1 === "does") || (key1 === "by"))){
const err15 = {instancePath:instancePath+"/kernel",schemaPath:"#/definitions/kernelCheck/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema66,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data5.does !== undefined){
let data6 = data5.does;
if(typeof data6 !== "string"){
const err16 = {instancePath:instancePath+"/kernel/does",schemaPath:"#/definitions/kernelCheck/properties/does/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.does.type,parentSchema:schema66.properties.does,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(!(((data6 === "refuse") || (data6 === "ignore")) || (data6 === "truncate"))){
const err17 = {instancePath:instancePath+"/kernel/does",schemaPath:"#/definitions/kernelCheck/properties/does/enum",keyword:"enum",params:{allowedValues: schema66.properties.does.enum},message:"must be equal to one of the allowed values",schema:schema66.properties.does.enum,parentSchema:schema66.properties.does,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data5.by !== undefined){
let data7 = data5.by;
if(typeof data7 === "string"){
if(func3(data7) < 1){
const err18 = {instancePath:instancePath+"/kernel/by",schemaPath:"#/definitions/kernelCheck/properties/by/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema66.properties.by,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/kernel/by",schemaPath:"#/definitions/kernelCheck/properties/by/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.by.type,parentSchema:schema66.properties.by,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/kernel",schemaPath:"#/definitions/kernelCheck/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema66.type,parentSchema:schema66,data:data5};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema62.type,parentSchema:schema62,data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
validate32.errors = vErrors;
return errors === 0;
}

const schema70 = {"description":"What the physical address stored in this member leads to.","type":"object","additionalProperties":false,"properties":{"to":{"description":"The struct found at (or inside the container at) that address.","$ref":"#/definitions/identifier"},"via":{"description":"The container that holds the entries: a container declared in this schema or an included one. Absent: the address points at one object directly.","$ref":"#/definitions/identifier"},"count":{"description":"The sibling member that holds the number of entries.","$ref":"#/definitions/identifier"}}};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(((key0 === "to") || (key0 === "via")) || (key0 === "count"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema70,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.to !== undefined){
let data0 = data.to;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err1 = {instancePath:instancePath+"/to",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/to",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.via !== undefined){
let data1 = data.via;
if(typeof data1 === "string"){
if(!pattern7.test(data1)){
const err3 = {instancePath:instancePath+"/via",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/via",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.count !== undefined){
let data2 = data.count;
if(typeof data2 === "string"){
if(!pattern7.test(data2)){
const err5 = {instancePath:instancePath+"/count",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/count",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema70.type,parentSchema:schema70,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate34.errors = vErrors;
return errors === 0;
}

const wrapper0 = {validate: validate31};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema56.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema56,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err1 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.doc !== undefined){
let data1 = data.doc;
if(typeof data1 === "string"){
if(func3(data1) < 1){
const err3 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.type !== undefined){
let data2 = data.type;
if(typeof data2 === "string"){
if(!pattern7.test(data2)){
const err5 = {instancePath:instancePath+"/type",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/type",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.count !== undefined){
let data3 = data.count;
if((typeof data3 !== "string") && (!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3))))){
const err7 = {instancePath:instancePath+"/count",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.flexible !== undefined){
let data4 = data.flexible;
if(typeof data4 !== "boolean"){
const err8 = {instancePath:instancePath+"/flexible",schemaPath:"#/properties/flexible/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema56.properties.flexible.type,parentSchema:schema56.properties.flexible,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!(data4 === true)){
const err9 = {instancePath:instancePath+"/flexible",schemaPath:"#/properties/flexible/enum",keyword:"enum",params:{allowedValues: schema56.properties.flexible.enum},message:"must be equal to one of the allowed values",schema:schema56.properties.flexible.enum,parentSchema:schema56.properties.flexible,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.string_size !== undefined){
let data5 = data.string_size;
if((typeof data5 !== "string") && (!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5))))){
const err10 = {instancePath:instancePath+"/string_size",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.bits !== undefined){
let data6 = data.bits;
if(Array.isArray(data6)){
if(data6.length < 1){
const err11 = {instancePath:instancePath+"/bits",schemaPath:"#/properties/bits/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema56.properties.bits,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
if(!(validate32(data6[i0], {instancePath:instancePath+"/bits/" + i0,parentData:data6,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
errors = vErrors.length;
}
}
}
else {
const err12 = {instancePath:instancePath+"/bits",schemaPath:"#/properties/bits/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema56.properties.bits.type,parentSchema:schema56.properties.bits,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.bitmap !== undefined){
let data8 = data.bitmap;
if((typeof data8 !== "string") && (!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8))))){
const err13 = {instancePath:instancePath+"/bitmap",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data8};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.khoser !== undefined){
let data9 = data.khoser;
if(typeof data9 === "string"){
if(!pattern7.test(data9)){
const err14 = {instancePath:instancePath+"/khoser",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data9};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/khoser",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.pointer !== undefined){
let data10 = data.pointer;
if(typeof data10 === "string"){
if(!pattern7.test(data10)){
const err16 = {instancePath:instancePath+"/pointer",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data10};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/pointer",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.union !== undefined){
let data11 = data.union;
if(Array.isArray(data11)){
if(data11.length < 1){
const err18 = {instancePath:instancePath+"/union",schemaPath:"#/properties/union/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema56.properties.union,data:data11};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len1 = data11.length;
for(let i1=0; i1<len1; i1++){
if(!(wrapper0.validate(data11[i1], {instancePath:instancePath+"/union/" + i1,parentData:data11,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
}
}
else {
const err19 = {instancePath:instancePath+"/union",schemaPath:"#/properties/union/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema56.properties.union.type,parentSchema:schema56.properties.union,data:data11};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.ref !== undefined){
if(!(validate34(data.ref, {instancePath:instancePath+"/ref",parentData:data,parentDataProperty:"ref",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
if(data.allowed !== undefined){
let data14 = data.allowed;
if((typeof data14 !== "string") && (!(((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14))) && (isFinite(data14))))){
const err20 = {instancePath:instancePath+"/allowed",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data14};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.equals !== undefined){
let data15 = data.equals;
if((typeof data15 !== "string") && (!(((typeof data15 == "number") && (!(data15 % 1) && !isNaN(data15))) && (isFinite(data15))))){
const err21 = {instancePath:instancePath+"/equals",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data15};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.in !== undefined){
if(!(validate18(data.in, {instancePath:instancePath+"/in",parentData:data,parentDataProperty:"in",rootData}))){
vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
errors = vErrors.length;
}
}
if(data.holds !== undefined){
let data17 = data.holds;
if(typeof data17 === "string"){
if(!pattern7.test(data17)){
const err22 = {instancePath:instancePath+"/holds",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data17};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/holds",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data17};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.ctype !== undefined){
let data18 = data.ctype;
if(typeof data18 !== "string"){
const err24 = {instancePath:instancePath+"/ctype",schemaPath:"#/properties/ctype/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema56.properties.ctype.type,parentSchema:schema56.properties.ctype,data:data18};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
const _errs47 = errors;
let valid16 = false;
const _errs48 = errors;
if(typeof data18 === "string"){
if(!pattern46.test(data18)){
const err25 = {instancePath:instancePath+"/ctype",schemaPath:"#/properties/ctype/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^enum [A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^enum [A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^enum [A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema56.properties.ctype.anyOf[0],data:data18};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
var _valid0 = _errs48 === errors;
valid16 = valid16 || _valid0;
if(!valid16){
const _errs49 = errors;
if(!(((((((((((((((((((data18 === "unsigned char") || (data18 === "unsigned short")) || (data18 === "unsigned int")) || (data18 === "unsigned long")) || (data18 === "unsigned long long")) || (data18 === "signed char")) || (data18 === "short")) || (data18 === "int")) || (data18 === "long")) || (data18 === "long long")) || (data18 === "__u8")) || (data18 === "__u16")) || (data18 === "__u32")) || (data18 === "__u64")) || (data18 === "__s8")) || (data18 === "__s16")) || (data18 === "__s32")) || (data18 === "__s64")) || (data18 === "phys_addr_t"))){
const err26 = {instancePath:instancePath+"/ctype",schemaPath:"#/properties/ctype/anyOf/1/enum",keyword:"enum",params:{allowedValues: schema56.properties.ctype.anyOf[1].enum},message:"must be equal to one of the allowed values",schema:schema56.properties.ctype.anyOf[1].enum,parentSchema:schema56.properties.ctype.anyOf[1],data:data18};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var _valid0 = _errs49 === errors;
valid16 = valid16 || _valid0;
}
if(!valid16){
const err27 = {instancePath:instancePath+"/ctype",schemaPath:"#/properties/ctype/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema56.properties.ctype.anyOf,parentSchema:schema56.properties.ctype,data:data18};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
else {
errors = _errs47;
if(vErrors !== null){
if(_errs47){
vErrors.length = _errs47;
}
else {
vErrors = null;
}
}
}
}
if(data.at_most !== undefined){
let data19 = data.at_most;
if(typeof data19 === "string"){
if(!pattern7.test(data19)){
const err28 = {instancePath:instancePath+"/at_most",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data19};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
else {
const err29 = {instancePath:instancePath+"/at_most",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data19};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.as_number !== undefined){
let data20 = data.as_number;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
if(data20.max === undefined){
const err30 = {instancePath:instancePath+"/as_number",schemaPath:"#/properties/as_number/required",keyword:"required",params:{missingProperty: "max"},message:"must have required property '"+"max"+"'",schema:schema56.properties.as_number.required,parentSchema:schema56.properties.as_number,data:data20};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data20.by === undefined){
const err31 = {instancePath:instancePath+"/as_number",schemaPath:"#/properties/as_number/required",keyword:"required",params:{missingProperty: "by"},message:"must have required property '"+"by"+"'",schema:schema56.properties.as_number.required,parentSchema:schema56.properties.as_number,data:data20};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
for(const key1 in data20){
if(!((key1 === "max") || (key1 === "by"))){
const err32 = {instancePath:instancePath+"/as_number",schemaPath:"#/properties/as_number/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema56.properties.as_number,data:data20};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data20.max !== undefined){
let data21 = data20.max;
if((typeof data21 !== "string") && (!(((typeof data21 == "number") && (!(data21 % 1) && !isNaN(data21))) && (isFinite(data21))))){
const err33 = {instancePath:instancePath+"/as_number/max",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data21};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data20.by !== undefined){
let data22 = data20.by;
if(typeof data22 === "string"){
if(func3(data22) < 1){
const err34 = {instancePath:instancePath+"/as_number/by",schemaPath:"#/properties/as_number/properties/by/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema56.properties.as_number.properties.by,data:data22};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/as_number/by",schemaPath:"#/properties/as_number/properties/by/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema56.properties.as_number.properties.by.type,parentSchema:schema56.properties.as_number.properties.by,data:data22};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/as_number",schemaPath:"#/properties/as_number/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema56.properties.as_number.type,parentSchema:schema56.properties.as_number,data:data20};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.kernel !== undefined){
let data23 = data.kernel;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.does === undefined){
const err37 = {instancePath:instancePath+"/kernel",schemaPath:"#/definitions/kernelCheck/required",keyword:"required",params:{missingProperty: "does"},message:"must have required property '"+"does"+"'",schema:schema66.required,parentSchema:schema66,data:data23};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(data23.by === undefined){
const err38 = {instancePath:instancePath+"/kernel",schemaPath:"#/definitions/kernelCheck/required",keyword:"required",params:{missingProperty: "by"},message:"must have required property '"+"by"+"'",schema:schema66.required,parentSchema:schema66,data:data23};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
for(const key2 in data23){
if(!((key2 === "does") || (key2 === "by"))){
const err39 = {instancePath:instancePath+"/kernel",schemaPath:"#/definitions/kernelCheck/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema66,data:data23};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data23.does !== undefined){
let data24 = data23.does;
if(typeof data24 !== "string"){
const err40 = {instancePath:instancePath+"/kernel/does",schemaPath:"#/definitions/kernelCheck/properties/does/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.does.type,parentSchema:schema66.properties.does,data:data24};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(!(((data24 === "refuse") || (data24 === "ignore")) || (data24 === "truncate"))){
const err41 = {instancePath:instancePath+"/kernel/does",schemaPath:"#/definitions/kernelCheck/properties/does/enum",keyword:"enum",params:{allowedValues: schema66.properties.does.enum},message:"must be equal to one of the allowed values",schema:schema66.properties.does.enum,parentSchema:schema66.properties.does,data:data24};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data23.by !== undefined){
let data25 = data23.by;
if(typeof data25 === "string"){
if(func3(data25) < 1){
const err42 = {instancePath:instancePath+"/kernel/by",schemaPath:"#/definitions/kernelCheck/properties/by/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema66.properties.by,data:data25};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/kernel/by",schemaPath:"#/definitions/kernelCheck/properties/by/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema66.properties.by.type,parentSchema:schema66.properties.by,data:data25};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/kernel",schemaPath:"#/definitions/kernelCheck/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema66.type,parentSchema:schema66,data:data23};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema56.type,parentSchema:schema56,data};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
validate31.errors = vErrors;
return errors === 0;
}


function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.fields === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "fields"},message:"must have required property '"+"fields"+"'",schema:schema52.required,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "name") || (key0 === "doc")) || (key0 === "packed")) || (key0 === "size")) || (key0 === "section")) || (key0 === "in")) || (key0 === "fields"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.doc !== undefined){
let data1 = data.doc;
if(typeof data1 === "string"){
if(func3(data1) < 1){
const err5 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.packed !== undefined){
let data2 = data.packed;
if(typeof data2 !== "boolean"){
const err7 = {instancePath:instancePath+"/packed",schemaPath:"#/properties/packed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema52.properties.packed.type,parentSchema:schema52.properties.packed,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.size !== undefined){
let data3 = data.size;
if((typeof data3 !== "string") && (!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3))))){
const err8 = {instancePath:instancePath+"/size",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.section !== undefined){
let data4 = data.section;
if(typeof data4 === "string"){
if(!pattern36.test(data4)){
const err9 = {instancePath:instancePath+"/section",schemaPath:"#/properties/section/pattern",keyword:"pattern",params:{pattern: "^\\.[A-Za-z0-9_.]+$"},message:"must match pattern \""+"^\\.[A-Za-z0-9_.]+$"+"\"",schema:"^\\.[A-Za-z0-9_.]+$",parentSchema:schema52.properties.section,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/section",schemaPath:"#/properties/section/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema52.properties.section.type,parentSchema:schema52.properties.section,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.in !== undefined){
if(!(validate18(data.in, {instancePath:instancePath+"/in",parentData:data,parentDataProperty:"in",rootData}))){
vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
errors = vErrors.length;
}
}
if(data.fields !== undefined){
let data6 = data.fields;
if(Array.isArray(data6)){
if(data6.length < 1){
const err11 = {instancePath:instancePath+"/fields",schemaPath:"#/properties/fields/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema52.properties.fields,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
if(!(validate31(data6[i0], {instancePath:instancePath+"/fields/" + i0,parentData:data6,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
errors = vErrors.length;
}
}
}
else {
const err12 = {instancePath:instancePath+"/fields",schemaPath:"#/properties/fields/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema52.properties.fields.type,parentSchema:schema52.properties.fields,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.type,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}

const schema80 = {"description":"A preserved container: exactly one of block_chain, vmalloc_chain, radix_tree, bitmap_chain, page_array, array_chain, fdt, fdt_nodes, sparse_array or dictionary.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"$ref":"#/definitions/identifier"},"doc":{"$ref":"#/definitions/doc"},"version":{"description":"The version of this schema's component whose layouts the container reads (a newer block format, say); the current version when absent.","$ref":"#/definitions/versionId"},"block_chain":{"description":"A chain of preserved pages, each a header {next, count} followed by fixed-size entries.","type":"object","additionalProperties":false,"required":["header","next","count","block_size","max_blocks"],"properties":{"header":{"description":"The struct at the start of each block.","$ref":"#/definitions/identifier"},"next":{"description":"Header member holding the physical address of the next block (0 ends the chain).","$ref":"#/definitions/identifier"},"count":{"description":"Header member holding the number of valid entries in the block.","$ref":"#/definitions/identifier"},"block_size":{"description":"Size of a block in bytes.","$ref":"#/definitions/expr"},"max_blocks":{"description":"Longest chain a reader accepts.","$ref":"#/definitions/expr"},"entry_size_member":{"description":"Header member in which every block stores the size of one entry (a newer block format); a reader refuses a block whose stored size is not the one it reads.","$ref":"#/definitions/identifier"},"block_size_member":{"description":"Header member in which every block stores its own size in bytes (a newer block format); a reader refuses a block whose stored size is not block_size.","$ref":"#/definitions/identifier"}}},"vmalloc_chain":{"description":"A descriptor pointing at a chain of chunk pages, each holding the physical addresses of contiguous blocks.","type":"object","additionalProperties":false,"required":["descriptor","first","total_pages","flags","order","chunk","next","entries"],"properties":{"descriptor":{"description":"The struct embedded by users of the container (kho_vmalloc).","$ref":"#/definitions/identifier"},"first":{"description":"Descriptor member holding the physical address of the first chunk.","$ref":"#/definitions/memberPath"},"total_pages":{"description":"Descriptor member holding the number of base pages in the area.","$ref":"#/definitions/memberPath"},"flags":{"description":"Descriptor member holding the area's flags.","$ref":"#/definitions/memberPath"},"order":{"description":"Descriptor member holding the page order of every block.","$ref":"#/definitions/memberPath"},"chunk":{"description":"The struct of one chunk page (kho_vmalloc_chunk).","$ref":"#/definitions/identifier"},"next":{"description":"Chunk member holding the physical address of the next chunk (0 ends the chain); a dotted path reaches into an embedded struct (hdr.next).","$ref":"#/definitions/memberPath"},"entries":{"description":"Chunk member: the array of block addresses, ended by the first 0 or the end of the chunk; its count is the chunk's capacity.","$ref":"#/definitions/memberPath"}}},"radix_tree":{"description":"The radix-tree memory map of preserved pages.","type":"object","additionalProperties":false,"required":["node","leaf","depth","order0_log2","table_size_log2","bitmap_size_log2"],"properties":{"node":{"description":"Struct of an inner node (a page of child addresses).","$ref":"#/definitions/identifier"},"leaf":{"description":"Struct of a leaf (a page-sized bitmap).","$ref":"#/definitions/identifier"},"depth":{"description":"Number of levels, leaves included.","$ref":"#/definitions/expr"},"order0_log2":{"description":"Position of the order bit of an order-0 key (KHO_ORDER_0_LOG2).","$ref":"#/definitions/expr"},"table_size_log2":{"description":"log2 of the entries of an inner node (KHO_TABLE_SIZE_LOG2).","$ref":"#/definitions/expr"},"bitmap_size_log2":{"description":"log2 of the bits of a leaf (KHO_BITMAP_SIZE_LOG2).","$ref":"#/definitions/expr"}}},"array_chain":{"description":"A linked chain of arrays (the IOMMU FLB's lists): nodes of node_size bytes, each a struct whose header holds the address of the next node (0 ends the chain) and the number of entries, followed by a flexible array of entry structs.","type":"object","additionalProperties":false,"required":["node","next","count","entries","node_size"],"properties":{"node":{"description":"The struct of one node (header, then the flexible array).","$ref":"#/definitions/identifier"},"next":{"description":"Node member holding the physical address of the next node; 0 ends the chain.","$ref":"#/definitions/memberPath"},"count":{"description":"Node member holding the number of entries in this node.","$ref":"#/definitions/memberPath"},"entries":{"description":"The node's flexible array member of entry structs.","$ref":"#/definitions/identifier"},"node_size":{"description":"Bytes of one node (PAGE_SIZE); its capacity is what fits after the header.","$ref":"#/definitions/expr"},"skip_member":{"description":"Entry member whose skip_mask bits make the kernel pass the entry over (hdr.flags).","$ref":"#/definitions/memberPath"},"skip_mask":{"description":"The bits of skip_member that mark an entry the kernel passes over (IOMMU_SER_FLAG_DELETED).","$ref":"#/definitions/expr"}}},"fdt_nodes":{"description":"A sub-FDT whose root carries a compatible string and one child per item, each with its own compatible string and native-endian u64 properties (memblock's reserve_mem regions).","type":"object","additionalProperties":false,"required":["compatible","node_compatible","node_properties"],"properties":{"compatible":{"description":"The string constant (or component macro) stored in the root's compatible property.","$ref":"#/definitions/identifier"},"node_compatible":{"description":"The string constant every child's compatible property holds.","$ref":"#/definitions/identifier"},"node_properties":{"description":"The u64 properties of every child, by the name the kernel gives them (a string literal in its .c file, not a constant of the header).","type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["property","type"],"properties":{"property":{"description":"The property name as the kernel writes it, e.g. start.","type":"string","pattern":"^[A-Za-z0-9,._+#-]+$"},"type":{"description":"u64: exactly 8 bytes in CPU byte order.","enum":["u64"]},"role":{"description":"What a reader takes it for: a region's physical start or its size in bytes (each role at most once).","enum":["start","size"]},"doc":{"$ref":"#/definitions/doc"}}}}}},"bitmap_chain":{"description":"kho-v1's memory map: a chain of chunk pages, each a header {next, order, count} then an array of entries {start, bitmap}; each entry's bitmap page has one bit per block of 1 << order pages from start.","type":"object","additionalProperties":false,"required":["chunk","next","order","count","entries","start","bitmap"],"properties":{"chunk":{"description":"The struct of one chunk page.","$ref":"#/definitions/identifier"},"next":{"description":"Chunk member holding the physical address of the next chunk (0 ends the chain), e.g. hdr.next.","$ref":"#/definitions/memberPath"},"order":{"description":"Chunk member holding the order of every block the chunk's bitmaps record.","$ref":"#/definitions/memberPath"},"count":{"description":"Chunk member holding the number of valid entries.","$ref":"#/definitions/memberPath"},"entries":{"description":"The chunk's array of entry structs; its length is the chunk's capacity.","$ref":"#/definitions/identifier"},"start":{"description":"Entry member holding the physical address the entry's first bit stands for.","$ref":"#/definitions/identifier"},"bitmap":{"description":"Entry member (a khoser pointer) holding the physical address of the bitmap struct, whose one member is the bitmap.","$ref":"#/definitions/identifier"}}},"page_array":{"description":"Contiguous preserved pages holding a header struct and then up to as many entries of one struct as the pages hold; without a header, entries from the first byte, counted by the ref that points at them (LUO's file arrays before kho blocks).","type":"object","additionalProperties":false,"required":["entry","pages"],"dependencies":{"header":["count"],"count":["header"]},"properties":{"header":{"description":"The struct at the start of the first page; absent when the entries start the first page.","$ref":"#/definitions/identifier"},"count":{"description":"Header member holding the number of entries that follow it.","$ref":"#/definitions/memberPath"},"pages_member":{"description":"Header member holding the number of pages, when the header stores it.","$ref":"#/definitions/memberPath"},"entry":{"description":"The struct of one entry; entries follow the header back to back.","$ref":"#/definitions/identifier"},"pages":{"description":"Number of pages the writer preserves for the array.","$ref":"#/definitions/expr"}}},"fdt":{"description":"A flattened device tree whose root and child nodes carry native-endian properties.","type":"object","additionalProperties":false,"required":["compatible"],"properties":{"compatible":{"description":"The string constant (or component macro) stored in the root compatible property.","$ref":"#/definitions/identifier"},"properties":{"description":"Properties of the root node.","type":"array","items":{"$ref":"#/definitions/fdtProperty"}},"node_properties":{"description":"Properties of every child node.","type":"array","items":{"$ref":"#/definitions/fdtProperty"}},"services":{"description":"Containers that KHO core writes for its users (e.g. kho_vmalloc_area): their compatible strings join the root's composite.","type":"array","uniqueItems":true,"items":{"$ref":"#/definitions/identifier"}}}},"sparse_array":{"description":"A sparse array of u64 entries (the KHO array): a descriptor struct with a magic number, a format version and the address of the first page, then a chain of pages, each a header {next, start} followed by entries at positions start, start + 1, ...; an entry of 0 is a hole, an entry with the value tag set holds a number, any other entry an address.","type":"object","additionalProperties":false,"required":["descriptor","magic","version","first","page","next","start","entries","page_size","capacity","magic_value","version_value","value_tag","value_shift"],"properties":{"descriptor":{"description":"The struct users embed (kho_array).","$ref":"#/definitions/identifier"},"magic":{"description":"Descriptor member holding the magic number.","$ref":"#/definitions/memberPath"},"version":{"description":"Descriptor member holding the format version.","$ref":"#/definitions/memberPath"},"first":{"description":"Descriptor member holding the physical address of the first page (0: the array is empty).","$ref":"#/definitions/memberPath"},"page":{"description":"The struct at the start of every page (kho_array_page).","$ref":"#/definitions/identifier"},"next":{"description":"Page member holding the physical address of the next page (0 ends the chain).","$ref":"#/definitions/memberPath"},"start":{"description":"Page member holding the position of the page's first entry.","$ref":"#/definitions/memberPath"},"entries":{"description":"Page member: the flexible array of u64 entries.","$ref":"#/definitions/memberPath"},"page_size":{"description":"Bytes of one page.","$ref":"#/definitions/expr"},"capacity":{"description":"Entries one page holds after its header.","$ref":"#/definitions/expr"},"magic_value":{"description":"The magic number a reader requires.","$ref":"#/definitions/expr"},"version_value":{"description":"The format version a reader requires.","$ref":"#/definitions/expr"},"value_tag":{"description":"The bit of an entry that marks it as a value rather than an address.","$ref":"#/definitions/expr"},"value_shift":{"description":"The shift that takes a value out of its entry.","$ref":"#/definitions/expr"}}},"dictionary":{"description":"A flat dictionary: a header struct with a magic number, a format version, a count and the address of its entries, stored in a block chain; each entry maps a NUL-terminated name to an object type, a version and a physical address.","type":"object","additionalProperties":false,"required":["header","magic","version","entries","count","entry","name","type","entry_version","address","via","magic_value","version_value"],"properties":{"header":{"description":"The struct the dictionary's owner stores (or hands over as the root).","$ref":"#/definitions/identifier"},"magic":{"description":"Header member holding the magic number.","$ref":"#/definitions/memberPath"},"version":{"description":"Header member holding the format version.","$ref":"#/definitions/memberPath"},"entries":{"description":"Header member holding the physical address of the first block of entries (0: no entries).","$ref":"#/definitions/memberPath"},"count":{"description":"Header member holding the number of entries.","$ref":"#/definitions/memberPath"},"entry":{"description":"The struct of one entry.","$ref":"#/definitions/identifier"},"name":{"description":"Entry member: the name, a NUL-terminated char array.","$ref":"#/definitions/memberPath"},"type":{"description":"Entry member: the object type.","$ref":"#/definitions/memberPath"},"entry_version":{"description":"Entry member: the version of the object's format.","$ref":"#/definitions/memberPath"},"address":{"description":"Entry member: the physical address of the object.","$ref":"#/definitions/memberPath"},"via":{"description":"The block_chain container that stores the entries.","$ref":"#/definitions/identifier"},"magic_value":{"description":"The magic number a reader requires.","$ref":"#/definitions/expr"},"version_value":{"description":"The format version a reader requires.","$ref":"#/definitions/expr"}}}}};
const schema92 = {"description":"A member of a struct, or a dotted path through embedded structs (hdr.next).","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"};
const pattern56 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$", "u");
const pattern72 = new RegExp("^[A-Za-z0-9,._+#-]+$", "u");
const schema128 = {"description":"One FDT property.","type":"object","additionalProperties":false,"required":["name","type"],"properties":{"name":{"description":"The string constant holding the property name.","$ref":"#/definitions/identifier"},"type":{"description":"u64 (native byte order) or string.","type":"string","enum":["u64","string"]},"role":{"description":"What a reader takes the property for: memory_map (root: the address of the memory map), data and size (child node: the address and size of the blob).","type":"string","enum":["memory_map","data","size"]},"ref":{"$ref":"#/definitions/ref"},"optional":{"description":"Readers accept a node without it.","type":"boolean"},"doc":{"$ref":"#/definitions/doc"}}};

function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema128.required,parentSchema:schema128,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.type === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema128.required,parentSchema:schema128,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "name") || (key0 === "type")) || (key0 === "role")) || (key0 === "ref")) || (key0 === "optional")) || (key0 === "doc"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema128,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.type !== undefined){
let data1 = data.type;
if(typeof data1 !== "string"){
const err5 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema128.properties.type.type,parentSchema:schema128.properties.type,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!((data1 === "u64") || (data1 === "string"))){
const err6 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema128.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema128.properties.type.enum,parentSchema:schema128.properties.type,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.role !== undefined){
let data2 = data.role;
if(typeof data2 !== "string"){
const err7 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema128.properties.role.type,parentSchema:schema128.properties.role,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!(((data2 === "memory_map") || (data2 === "data")) || (data2 === "size"))){
const err8 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/enum",keyword:"enum",params:{allowedValues: schema128.properties.role.enum},message:"must be equal to one of the allowed values",schema:schema128.properties.role.enum,parentSchema:schema128.properties.role,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.ref !== undefined){
if(!(validate34(data.ref, {instancePath:instancePath+"/ref",parentData:data,parentDataProperty:"ref",rootData}))){
vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
errors = vErrors.length;
}
}
if(data.optional !== undefined){
let data4 = data.optional;
if(typeof data4 !== "boolean"){
const err9 = {instancePath:instancePath+"/optional",schemaPath:"#/properties/optional/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema128.properties.optional.type,parentSchema:schema128.properties.optional,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.doc !== undefined){
let data5 = data.doc;
if(typeof data5 === "string"){
if(func3(data5) < 1){
const err10 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema128.type,parentSchema:schema128,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
validate40.errors = vErrors;
return errors === 0;
}


function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema80.required,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema80.properties, key0))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(!pattern7.test(data0)){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.doc !== undefined){
let data1 = data.doc;
if(typeof data1 === "string"){
if(func3(data1) < 1){
const err4 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.version !== undefined){
let data2 = data.version;
if(typeof data2 === "string"){
if(!pattern9.test(data2)){
const err6 = {instancePath:instancePath+"/version",schemaPath:"#/definitions/versionId/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_.-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_.-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_.-]*$",parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/version",schemaPath:"#/definitions/versionId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.type,parentSchema:schema17,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.block_chain !== undefined){
let data3 = data.block_chain;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.header === undefined){
const err8 = {instancePath:instancePath+"/block_chain",schemaPath:"#/properties/block_chain/required",keyword:"required",params:{missingProperty: "header"},message:"must have required property '"+"header"+"'",schema:schema80.properties.block_chain.required,parentSchema:schema80.properties.block_chain,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data3.next === undefined){
const err9 = {instancePath:instancePath+"/block_chain",schemaPath:"#/properties/block_chain/required",keyword:"required",params:{missingProperty: "next"},message:"must have required property '"+"next"+"'",schema:schema80.properties.block_chain.required,parentSchema:schema80.properties.block_chain,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3.count === undefined){
const err10 = {instancePath:instancePath+"/block_chain",schemaPath:"#/properties/block_chain/required",keyword:"required",params:{missingProperty: "count"},message:"must have required property '"+"count"+"'",schema:schema80.properties.block_chain.required,parentSchema:schema80.properties.block_chain,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data3.block_size === undefined){
const err11 = {instancePath:instancePath+"/block_chain",schemaPath:"#/properties/block_chain/required",keyword:"required",params:{missingProperty: "block_size"},message:"must have required property '"+"block_size"+"'",schema:schema80.properties.block_chain.required,parentSchema:schema80.properties.block_chain,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data3.max_blocks === undefined){
const err12 = {instancePath:instancePath+"/block_chain",schemaPath:"#/properties/block_chain/required",keyword:"required",params:{missingProperty: "max_blocks"},message:"must have required property '"+"max_blocks"+"'",schema:schema80.properties.block_chain.required,parentSchema:schema80.properties.block_chain,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key1 in data3){
if(!(((((((key1 === "header") || (key1 === "next")) || (key1 === "count")) || (key1 === "block_size")) || (key1 === "max_blocks")) || (key1 === "entry_size_member")) || (key1 === "block_size_member"))){
const err13 = {instancePath:instancePath+"/block_chain",schemaPath:"#/properties/block_chain/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema80.properties.block_chain,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data3.header !== undefined){
let data4 = data3.header;
if(typeof data4 === "string"){
if(!pattern7.test(data4)){
const err14 = {instancePath:instancePath+"/block_chain/header",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/block_chain/header",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data3.next !== undefined){
let data5 = data3.next;
if(typeof data5 === "string"){
if(!pattern7.test(data5)){
const err16 = {instancePath:instancePath+"/block_chain/next",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/block_chain/next",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data3.count !== undefined){
let data6 = data3.count;
if(typeof data6 === "string"){
if(!pattern7.test(data6)){
const err18 = {instancePath:instancePath+"/block_chain/count",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/block_chain/count",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data3.block_size !== undefined){
let data7 = data3.block_size;
if((typeof data7 !== "string") && (!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7))))){
const err20 = {instancePath:instancePath+"/block_chain/block_size",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data3.max_blocks !== undefined){
let data8 = data3.max_blocks;
if((typeof data8 !== "string") && (!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8))))){
const err21 = {instancePath:instancePath+"/block_chain/max_blocks",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data3.entry_size_member !== undefined){
let data9 = data3.entry_size_member;
if(typeof data9 === "string"){
if(!pattern7.test(data9)){
const err22 = {instancePath:instancePath+"/block_chain/entry_size_member",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/block_chain/entry_size_member",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data3.block_size_member !== undefined){
let data10 = data3.block_size_member;
if(typeof data10 === "string"){
if(!pattern7.test(data10)){
const err24 = {instancePath:instancePath+"/block_chain/block_size_member",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/block_chain/block_size_member",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/block_chain",schemaPath:"#/properties/block_chain/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.properties.block_chain.type,parentSchema:schema80.properties.block_chain,data:data3};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.vmalloc_chain !== undefined){
let data11 = data.vmalloc_chain;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.descriptor === undefined){
const err27 = {instancePath:instancePath+"/vmalloc_chain",schemaPath:"#/properties/vmalloc_chain/required",keyword:"required",params:{missingProperty: "descriptor"},message:"must have required property '"+"descriptor"+"'",schema:schema80.properties.vmalloc_chain.required,parentSchema:schema80.properties.vmalloc_chain,data:data11};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data11.first === undefined){
const err28 = {instancePath:instancePath+"/vmalloc_chain",schemaPath:"#/properties/vmalloc_chain/required",keyword:"required",params:{missingProperty: "first"},message:"must have required property '"+"first"+"'",schema:schema80.properties.vmalloc_chain.required,parentSchema:schema80.properties.vmalloc_chain,data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data11.total_pages === undefined){
const err29 = {instancePath:instancePath+"/vmalloc_chain",schemaPath:"#/properties/vmalloc_chain/required",keyword:"required",params:{missingProperty: "total_pages"},message:"must have required property '"+"total_pages"+"'",schema:schema80.properties.vmalloc_chain.required,parentSchema:schema80.properties.vmalloc_chain,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data11.flags === undefined){
const err30 = {instancePath:instancePath+"/vmalloc_chain",schemaPath:"#/properties/vmalloc_chain/required",keyword:"required",params:{missingProperty: "flags"},message:"must have required property '"+"flags"+"'",schema:schema80.properties.vmalloc_chain.required,parentSchema:schema80.properties.vmalloc_chain,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data11.order === undefined){
const err31 = {instancePath:instancePath+"/vmalloc_chain",schemaPath:"#/properties/vmalloc_chain/required",keyword:"required",params:{missingProperty: "order"},message:"must have required property '"+"order"+"'",schema:schema80.properties.vmalloc_chain.required,parentSchema:schema80.properties.vmalloc_chain,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(data11.chunk === undefined){
const err32 = {instancePath:instancePath+"/vmalloc_chain",schemaPath:"#/properties/vmalloc_chain/required",keyword:"required",params:{missingProperty: "chunk"},message:"must have required property '"+"chunk"+"'",schema:schema80.properties.vmalloc_chain.required,parentSchema:schema80.properties.vmalloc_chain,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(data11.next === undefined){
const err33 = {instancePath:instancePath+"/vmalloc_chain",schemaPath:"#/properties/vmalloc_chain/required",keyword:"required",params:{missingProperty: "next"},message:"must have required property '"+"next"+"'",schema:schema80.properties.vmalloc_chain.required,parentSchema:schema80.properties.vmalloc_chain,data:data11};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data11.entries === undefined){
const err34 = {instancePath:instancePath+"/vmalloc_chain",schemaPath:"#/properties/vmalloc_chain/required",keyword:"required",params:{missingProperty: "entries"},message:"must have required property '"+"entries"+"'",schema:schema80.properties.vmalloc_chain.required,parentSchema:schema80.properties.vmalloc_chain,data:data11};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
for(const key2 in data11){
if(!((((((((key2 === "descriptor") || (key2 === "first")) || (key2 === "total_pages")) || (key2 === "flags")) || (key2 === "order")) || (key2 === "chunk")) || (key2 === "next")) || (key2 === "entries"))){
const err35 = {instancePath:instancePath+"/vmalloc_chain",schemaPath:"#/properties/vmalloc_chain/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema80.properties.vmalloc_chain,data:data11};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data11.descriptor !== undefined){
let data12 = data11.descriptor;
if(typeof data12 === "string"){
if(!pattern7.test(data12)){
const err36 = {instancePath:instancePath+"/vmalloc_chain/descriptor",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data12};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/vmalloc_chain/descriptor",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data12};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data11.first !== undefined){
let data13 = data11.first;
if(typeof data13 === "string"){
if(!pattern56.test(data13)){
const err38 = {instancePath:instancePath+"/vmalloc_chain/first",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data13};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/vmalloc_chain/first",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data13};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data11.total_pages !== undefined){
let data14 = data11.total_pages;
if(typeof data14 === "string"){
if(!pattern56.test(data14)){
const err40 = {instancePath:instancePath+"/vmalloc_chain/total_pages",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data14};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/vmalloc_chain/total_pages",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data14};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data11.flags !== undefined){
let data15 = data11.flags;
if(typeof data15 === "string"){
if(!pattern56.test(data15)){
const err42 = {instancePath:instancePath+"/vmalloc_chain/flags",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data15};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/vmalloc_chain/flags",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data15};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data11.order !== undefined){
let data16 = data11.order;
if(typeof data16 === "string"){
if(!pattern56.test(data16)){
const err44 = {instancePath:instancePath+"/vmalloc_chain/order",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data16};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/vmalloc_chain/order",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data16};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data11.chunk !== undefined){
let data17 = data11.chunk;
if(typeof data17 === "string"){
if(!pattern7.test(data17)){
const err46 = {instancePath:instancePath+"/vmalloc_chain/chunk",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data17};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/vmalloc_chain/chunk",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data17};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data11.next !== undefined){
let data18 = data11.next;
if(typeof data18 === "string"){
if(!pattern56.test(data18)){
const err48 = {instancePath:instancePath+"/vmalloc_chain/next",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data18};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/vmalloc_chain/next",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data18};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data11.entries !== undefined){
let data19 = data11.entries;
if(typeof data19 === "string"){
if(!pattern56.test(data19)){
const err50 = {instancePath:instancePath+"/vmalloc_chain/entries",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data19};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/vmalloc_chain/entries",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data19};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
else {
const err52 = {instancePath:instancePath+"/vmalloc_chain",schemaPath:"#/properties/vmalloc_chain/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.properties.vmalloc_chain.type,parentSchema:schema80.properties.vmalloc_chain,data:data11};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data.radix_tree !== undefined){
let data20 = data.radix_tree;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
if(data20.node === undefined){
const err53 = {instancePath:instancePath+"/radix_tree",schemaPath:"#/properties/radix_tree/required",keyword:"required",params:{missingProperty: "node"},message:"must have required property '"+"node"+"'",schema:schema80.properties.radix_tree.required,parentSchema:schema80.properties.radix_tree,data:data20};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(data20.leaf === undefined){
const err54 = {instancePath:instancePath+"/radix_tree",schemaPath:"#/properties/radix_tree/required",keyword:"required",params:{missingProperty: "leaf"},message:"must have required property '"+"leaf"+"'",schema:schema80.properties.radix_tree.required,parentSchema:schema80.properties.radix_tree,data:data20};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(data20.depth === undefined){
const err55 = {instancePath:instancePath+"/radix_tree",schemaPath:"#/properties/radix_tree/required",keyword:"required",params:{missingProperty: "depth"},message:"must have required property '"+"depth"+"'",schema:schema80.properties.radix_tree.required,parentSchema:schema80.properties.radix_tree,data:data20};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
if(data20.order0_log2 === undefined){
const err56 = {instancePath:instancePath+"/radix_tree",schemaPath:"#/properties/radix_tree/required",keyword:"required",params:{missingProperty: "order0_log2"},message:"must have required property '"+"order0_log2"+"'",schema:schema80.properties.radix_tree.required,parentSchema:schema80.properties.radix_tree,data:data20};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
if(data20.table_size_log2 === undefined){
const err57 = {instancePath:instancePath+"/radix_tree",schemaPath:"#/properties/radix_tree/required",keyword:"required",params:{missingProperty: "table_size_log2"},message:"must have required property '"+"table_size_log2"+"'",schema:schema80.properties.radix_tree.required,parentSchema:schema80.properties.radix_tree,data:data20};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
if(data20.bitmap_size_log2 === undefined){
const err58 = {instancePath:instancePath+"/radix_tree",schemaPath:"#/properties/radix_tree/required",keyword:"required",params:{missingProperty: "bitmap_size_log2"},message:"must have required property '"+"bitmap_size_log2"+"'",schema:schema80.properties.radix_tree.required,parentSchema:schema80.properties.radix_tree,data:data20};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
for(const key3 in data20){
if(!((((((key3 === "node") || (key3 === "leaf")) || (key3 === "depth")) || (key3 === "order0_log2")) || (key3 === "table_size_log2")) || (key3 === "bitmap_size_log2"))){
const err59 = {instancePath:instancePath+"/radix_tree",schemaPath:"#/properties/radix_tree/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema80.properties.radix_tree,data:data20};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data20.node !== undefined){
let data21 = data20.node;
if(typeof data21 === "string"){
if(!pattern7.test(data21)){
const err60 = {instancePath:instancePath+"/radix_tree/node",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data21};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/radix_tree/node",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data21};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data20.leaf !== undefined){
let data22 = data20.leaf;
if(typeof data22 === "string"){
if(!pattern7.test(data22)){
const err62 = {instancePath:instancePath+"/radix_tree/leaf",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data22};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
else {
const err63 = {instancePath:instancePath+"/radix_tree/leaf",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data22};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data20.depth !== undefined){
let data23 = data20.depth;
if((typeof data23 !== "string") && (!(((typeof data23 == "number") && (!(data23 % 1) && !isNaN(data23))) && (isFinite(data23))))){
const err64 = {instancePath:instancePath+"/radix_tree/depth",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data23};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data20.order0_log2 !== undefined){
let data24 = data20.order0_log2;
if((typeof data24 !== "string") && (!(((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24))) && (isFinite(data24))))){
const err65 = {instancePath:instancePath+"/radix_tree/order0_log2",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data24};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data20.table_size_log2 !== undefined){
let data25 = data20.table_size_log2;
if((typeof data25 !== "string") && (!(((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25))) && (isFinite(data25))))){
const err66 = {instancePath:instancePath+"/radix_tree/table_size_log2",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data25};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data20.bitmap_size_log2 !== undefined){
let data26 = data20.bitmap_size_log2;
if((typeof data26 !== "string") && (!(((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26))) && (isFinite(data26))))){
const err67 = {instancePath:instancePath+"/radix_tree/bitmap_size_log2",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data26};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
else {
const err68 = {instancePath:instancePath+"/radix_tree",schemaPath:"#/properties/radix_tree/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.properties.radix_tree.type,parentSchema:schema80.properties.radix_tree,data:data20};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data.array_chain !== undefined){
let data27 = data.array_chain;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.node === undefined){
const err69 = {instancePath:instancePath+"/array_chain",schemaPath:"#/properties/array_chain/required",keyword:"required",params:{missingProperty: "node"},message:"must have required property '"+"node"+"'",schema:schema80.properties.array_chain.required,parentSchema:schema80.properties.array_chain,data:data27};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
if(data27.next === undefined){
const err70 = {instancePath:instancePath+"/array_chain",schemaPath:"#/properties/array_chain/required",keyword:"required",params:{missingProperty: "next"},message:"must have required property '"+"next"+"'",schema:schema80.properties.array_chain.required,parentSchema:schema80.properties.array_chain,data:data27};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(data27.count === undefined){
const err71 = {instancePath:instancePath+"/array_chain",schemaPath:"#/properties/array_chain/required",keyword:"required",params:{missingProperty: "count"},message:"must have required property '"+"count"+"'",schema:schema80.properties.array_chain.required,parentSchema:schema80.properties.array_chain,data:data27};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(data27.entries === undefined){
const err72 = {instancePath:instancePath+"/array_chain",schemaPath:"#/properties/array_chain/required",keyword:"required",params:{missingProperty: "entries"},message:"must have required property '"+"entries"+"'",schema:schema80.properties.array_chain.required,parentSchema:schema80.properties.array_chain,data:data27};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(data27.node_size === undefined){
const err73 = {instancePath:instancePath+"/array_chain",schemaPath:"#/properties/array_chain/required",keyword:"required",params:{missingProperty: "node_size"},message:"must have required property '"+"node_size"+"'",schema:schema80.properties.array_chain.required,parentSchema:schema80.properties.array_chain,data:data27};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
for(const key4 in data27){
if(!(((((((key4 === "node") || (key4 === "next")) || (key4 === "count")) || (key4 === "entries")) || (key4 === "node_size")) || (key4 === "skip_member")) || (key4 === "skip_mask"))){
const err74 = {instancePath:instancePath+"/array_chain",schemaPath:"#/properties/array_chain/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema80.properties.array_chain,data:data27};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data27.node !== undefined){
let data28 = data27.node;
if(typeof data28 === "string"){
if(!pattern7.test(data28)){
const err75 = {instancePath:instancePath+"/array_chain/node",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data28};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
else {
const err76 = {instancePath:instancePath+"/array_chain/node",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data28};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data27.next !== undefined){
let data29 = data27.next;
if(typeof data29 === "string"){
if(!pattern56.test(data29)){
const err77 = {instancePath:instancePath+"/array_chain/next",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data29};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
else {
const err78 = {instancePath:instancePath+"/array_chain/next",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data29};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
if(data27.count !== undefined){
let data30 = data27.count;
if(typeof data30 === "string"){
if(!pattern56.test(data30)){
const err79 = {instancePath:instancePath+"/array_chain/count",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data30};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
else {
const err80 = {instancePath:instancePath+"/array_chain/count",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data30};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data27.entries !== undefined){
let data31 = data27.entries;
if(typeof data31 === "string"){
if(!pattern7.test(data31)){
const err81 = {instancePath:instancePath+"/array_chain/entries",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data31};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
else {
const err82 = {instancePath:instancePath+"/array_chain/entries",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data31};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
if(data27.node_size !== undefined){
let data32 = data27.node_size;
if((typeof data32 !== "string") && (!(((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32))) && (isFinite(data32))))){
const err83 = {instancePath:instancePath+"/array_chain/node_size",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data32};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data27.skip_member !== undefined){
let data33 = data27.skip_member;
if(typeof data33 === "string"){
if(!pattern56.test(data33)){
const err84 = {instancePath:instancePath+"/array_chain/skip_member",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data33};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
else {
const err85 = {instancePath:instancePath+"/array_chain/skip_member",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data33};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
if(data27.skip_mask !== undefined){
let data34 = data27.skip_mask;
if((typeof data34 !== "string") && (!(((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34))) && (isFinite(data34))))){
const err86 = {instancePath:instancePath+"/array_chain/skip_mask",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data34};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
}
else {
const err87 = {instancePath:instancePath+"/array_chain",schemaPath:"#/properties/array_chain/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.properties.array_chain.type,parentSchema:schema80.properties.array_chain,data:data27};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data.fdt_nodes !== undefined){
let data35 = data.fdt_nodes;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
if(data35.compatible === undefined){
const err88 = {instancePath:instancePath+"/fdt_nodes",schemaPath:"#/properties/fdt_nodes/required",keyword:"required",params:{missingProperty: "compatible"},message:"must have required property '"+"compatible"+"'",schema:schema80.properties.fdt_nodes.required,parentSchema:schema80.properties.fdt_nodes,data:data35};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
if(data35.node_compatible === undefined){
const err89 = {instancePath:instancePath+"/fdt_nodes",schemaPath:"#/properties/fdt_nodes/required",keyword:"required",params:{missingProperty: "node_compatible"},message:"must have required property '"+"node_compatible"+"'",schema:schema80.properties.fdt_nodes.required,parentSchema:schema80.properties.fdt_nodes,data:data35};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
if(data35.node_properties === undefined){
const err90 = {instancePath:instancePath+"/fdt_nodes",schemaPath:"#/properties/fdt_nodes/required",keyword:"required",params:{missingProperty: "node_properties"},message:"must have required property '"+"node_properties"+"'",schema:schema80.properties.fdt_nodes.required,parentSchema:schema80.properties.fdt_nodes,data:data35};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
for(const key5 in data35){
if(!(((key5 === "compatible") || (key5 === "node_compatible")) || (key5 === "node_properties"))){
const err91 = {instancePath:instancePath+"/fdt_nodes",schemaPath:"#/properties/fdt_nodes/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema80.properties.fdt_nodes,data:data35};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data35.compatible !== undefined){
let data36 = data35.compatible;
if(typeof data36 === "string"){
if(!pattern7.test(data36)){
const err92 = {instancePath:instancePath+"/fdt_nodes/compatible",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data36};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
else {
const err93 = {instancePath:instancePath+"/fdt_nodes/compatible",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data36};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data35.node_compatible !== undefined){
let data37 = data35.node_compatible;
if(typeof data37 === "string"){
if(!pattern7.test(data37)){
const err94 = {instancePath:instancePath+"/fdt_nodes/node_compatible",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data37};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
else {
const err95 = {instancePath:instancePath+"/fdt_nodes/node_compatible",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data37};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data35.node_properties !== undefined){
let data38 = data35.node_properties;
if(Array.isArray(data38)){
if(data38.length < 1){
const err96 = {instancePath:instancePath+"/fdt_nodes/node_properties",schemaPath:"#/properties/fdt_nodes/properties/node_properties/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema80.properties.fdt_nodes.properties.node_properties,data:data38};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
const len0 = data38.length;
for(let i0=0; i0<len0; i0++){
let data39 = data38[i0];
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
if(data39.property === undefined){
const err97 = {instancePath:instancePath+"/fdt_nodes/node_properties/" + i0,schemaPath:"#/properties/fdt_nodes/properties/node_properties/items/required",keyword:"required",params:{missingProperty: "property"},message:"must have required property '"+"property"+"'",schema:schema80.properties.fdt_nodes.properties.node_properties.items.required,parentSchema:schema80.properties.fdt_nodes.properties.node_properties.items,data:data39};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
if(data39.type === undefined){
const err98 = {instancePath:instancePath+"/fdt_nodes/node_properties/" + i0,schemaPath:"#/properties/fdt_nodes/properties/node_properties/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema80.properties.fdt_nodes.properties.node_properties.items.required,parentSchema:schema80.properties.fdt_nodes.properties.node_properties.items,data:data39};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
for(const key6 in data39){
if(!((((key6 === "property") || (key6 === "type")) || (key6 === "role")) || (key6 === "doc"))){
const err99 = {instancePath:instancePath+"/fdt_nodes/node_properties/" + i0,schemaPath:"#/properties/fdt_nodes/properties/node_properties/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema80.properties.fdt_nodes.properties.node_properties.items,data:data39};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data39.property !== undefined){
let data40 = data39.property;
if(typeof data40 === "string"){
if(!pattern72.test(data40)){
const err100 = {instancePath:instancePath+"/fdt_nodes/node_properties/" + i0+"/property",schemaPath:"#/properties/fdt_nodes/properties/node_properties/items/properties/property/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9,._+#-]+$"},message:"must match pattern \""+"^[A-Za-z0-9,._+#-]+$"+"\"",schema:"^[A-Za-z0-9,._+#-]+$",parentSchema:schema80.properties.fdt_nodes.properties.node_properties.items.properties.property,data:data40};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
else {
const err101 = {instancePath:instancePath+"/fdt_nodes/node_properties/" + i0+"/property",schemaPath:"#/properties/fdt_nodes/properties/node_properties/items/properties/property/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema80.properties.fdt_nodes.properties.node_properties.items.properties.property.type,parentSchema:schema80.properties.fdt_nodes.properties.node_properties.items.properties.property,data:data40};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data39.type !== undefined){
let data41 = data39.type;
if(!(data41 === "u64")){
const err102 = {instancePath:instancePath+"/fdt_nodes/node_properties/" + i0+"/type",schemaPath:"#/properties/fdt_nodes/properties/node_properties/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema80.properties.fdt_nodes.properties.node_properties.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema80.properties.fdt_nodes.properties.node_properties.items.properties.type.enum,parentSchema:schema80.properties.fdt_nodes.properties.node_properties.items.properties.type,data:data41};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data39.role !== undefined){
let data42 = data39.role;
if(!((data42 === "start") || (data42 === "size"))){
const err103 = {instancePath:instancePath+"/fdt_nodes/node_properties/" + i0+"/role",schemaPath:"#/properties/fdt_nodes/properties/node_properties/items/properties/role/enum",keyword:"enum",params:{allowedValues: schema80.properties.fdt_nodes.properties.node_properties.items.properties.role.enum},message:"must be equal to one of the allowed values",schema:schema80.properties.fdt_nodes.properties.node_properties.items.properties.role.enum,parentSchema:schema80.properties.fdt_nodes.properties.node_properties.items.properties.role,data:data42};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data39.doc !== undefined){
let data43 = data39.doc;
if(typeof data43 === "string"){
if(func3(data43) < 1){
const err104 = {instancePath:instancePath+"/fdt_nodes/node_properties/" + i0+"/doc",schemaPath:"#/definitions/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema16,data:data43};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
else {
const err105 = {instancePath:instancePath+"/fdt_nodes/node_properties/" + i0+"/doc",schemaPath:"#/definitions/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.type,parentSchema:schema16,data:data43};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
}
else {
const err106 = {instancePath:instancePath+"/fdt_nodes/node_properties/" + i0,schemaPath:"#/properties/fdt_nodes/properties/node_properties/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.properties.fdt_nodes.properties.node_properties.items.type,parentSchema:schema80.properties.fdt_nodes.properties.node_properties.items,data:data39};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
}
else {
const err107 = {instancePath:instancePath+"/fdt_nodes/node_properties",schemaPath:"#/properties/fdt_nodes/properties/node_properties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema80.properties.fdt_nodes.properties.node_properties.type,parentSchema:schema80.properties.fdt_nodes.properties.node_properties,data:data38};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
}
else {
const err108 = {instancePath:instancePath+"/fdt_nodes",schemaPath:"#/properties/fdt_nodes/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.properties.fdt_nodes.type,parentSchema:schema80.properties.fdt_nodes,data:data35};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
if(data.bitmap_chain !== undefined){
let data44 = data.bitmap_chain;
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
if(data44.chunk === undefined){
const err109 = {instancePath:instancePath+"/bitmap_chain",schemaPath:"#/properties/bitmap_chain/required",keyword:"required",params:{missingProperty: "chunk"},message:"must have required property '"+"chunk"+"'",schema:schema80.properties.bitmap_chain.required,parentSchema:schema80.properties.bitmap_chain,data:data44};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
if(data44.next === undefined){
const err110 = {instancePath:instancePath+"/bitmap_chain",schemaPath:"#/properties/bitmap_chain/required",keyword:"required",params:{missingProperty: "next"},message:"must have required property '"+"next"+"'",schema:schema80.properties.bitmap_chain.required,parentSchema:schema80.properties.bitmap_chain,data:data44};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
if(data44.order === undefined){
const err111 = {instancePath:instancePath+"/bitmap_chain",schemaPath:"#/properties/bitmap_chain/required",keyword:"required",params:{missingProperty: "order"},message:"must have required property '"+"order"+"'",schema:schema80.properties.bitmap_chain.required,parentSchema:schema80.properties.bitmap_chain,data:data44};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
if(data44.count === undefined){
const err112 = {instancePath:instancePath+"/bitmap_chain",schemaPath:"#/properties/bitmap_chain/required",keyword:"required",params:{missingProperty: "count"},message:"must have required property '"+"count"+"'",schema:schema80.properties.bitmap_chain.required,parentSchema:schema80.properties.bitmap_chain,data:data44};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
if(data44.entries === undefined){
const err113 = {instancePath:instancePath+"/bitmap_chain",schemaPath:"#/properties/bitmap_chain/required",keyword:"required",params:{missingProperty: "entries"},message:"must have required property '"+"entries"+"'",schema:schema80.properties.bitmap_chain.required,parentSchema:schema80.properties.bitmap_chain,data:data44};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
if(data44.start === undefined){
const err114 = {instancePath:instancePath+"/bitmap_chain",schemaPath:"#/properties/bitmap_chain/required",keyword:"required",params:{missingProperty: "start"},message:"must have required property '"+"start"+"'",schema:schema80.properties.bitmap_chain.required,parentSchema:schema80.properties.bitmap_chain,data:data44};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
if(data44.bitmap === undefined){
const err115 = {instancePath:instancePath+"/bitmap_chain",schemaPath:"#/properties/bitmap_chain/required",keyword:"required",params:{missingProperty: "bitmap"},message:"must have required property '"+"bitmap"+"'",schema:schema80.properties.bitmap_chain.required,parentSchema:schema80.properties.bitmap_chain,data:data44};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
for(const key7 in data44){
if(!(((((((key7 === "chunk") || (key7 === "next")) || (key7 === "order")) || (key7 === "count")) || (key7 === "entries")) || (key7 === "start")) || (key7 === "bitmap"))){
const err116 = {instancePath:instancePath+"/bitmap_chain",schemaPath:"#/properties/bitmap_chain/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema80.properties.bitmap_chain,data:data44};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data44.chunk !== undefined){
let data45 = data44.chunk;
if(typeof data45 === "string"){
if(!pattern7.test(data45)){
const err117 = {instancePath:instancePath+"/bitmap_chain/chunk",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data45};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
else {
const err118 = {instancePath:instancePath+"/bitmap_chain/chunk",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data45};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
if(data44.next !== undefined){
let data46 = data44.next;
if(typeof data46 === "string"){
if(!pattern56.test(data46)){
const err119 = {instancePath:instancePath+"/bitmap_chain/next",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data46};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
else {
const err120 = {instancePath:instancePath+"/bitmap_chain/next",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data46};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
}
if(data44.order !== undefined){
let data47 = data44.order;
if(typeof data47 === "string"){
if(!pattern56.test(data47)){
const err121 = {instancePath:instancePath+"/bitmap_chain/order",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data47};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
else {
const err122 = {instancePath:instancePath+"/bitmap_chain/order",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data47};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
if(data44.count !== undefined){
let data48 = data44.count;
if(typeof data48 === "string"){
if(!pattern56.test(data48)){
const err123 = {instancePath:instancePath+"/bitmap_chain/count",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data48};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
else {
const err124 = {instancePath:instancePath+"/bitmap_chain/count",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data48};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
if(data44.entries !== undefined){
let data49 = data44.entries;
if(typeof data49 === "string"){
if(!pattern7.test(data49)){
const err125 = {instancePath:instancePath+"/bitmap_chain/entries",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data49};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
else {
const err126 = {instancePath:instancePath+"/bitmap_chain/entries",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data49};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
if(data44.start !== undefined){
let data50 = data44.start;
if(typeof data50 === "string"){
if(!pattern7.test(data50)){
const err127 = {instancePath:instancePath+"/bitmap_chain/start",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data50};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
else {
const err128 = {instancePath:instancePath+"/bitmap_chain/start",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data50};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
}
if(data44.bitmap !== undefined){
let data51 = data44.bitmap;
if(typeof data51 === "string"){
if(!pattern7.test(data51)){
const err129 = {instancePath:instancePath+"/bitmap_chain/bitmap",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data51};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
else {
const err130 = {instancePath:instancePath+"/bitmap_chain/bitmap",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data51};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
}
else {
const err131 = {instancePath:instancePath+"/bitmap_chain",schemaPath:"#/properties/bitmap_chain/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.properties.bitmap_chain.type,parentSchema:schema80.properties.bitmap_chain,data:data44};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
if(data.page_array !== undefined){
let data52 = data.page_array;
if(data52 && typeof data52 == "object" && !Array.isArray(data52)){
if(data52.entry === undefined){
const err132 = {instancePath:instancePath+"/page_array",schemaPath:"#/properties/page_array/required",keyword:"required",params:{missingProperty: "entry"},message:"must have required property '"+"entry"+"'",schema:schema80.properties.page_array.required,parentSchema:schema80.properties.page_array,data:data52};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
if(data52.pages === undefined){
const err133 = {instancePath:instancePath+"/page_array",schemaPath:"#/properties/page_array/required",keyword:"required",params:{missingProperty: "pages"},message:"must have required property '"+"pages"+"'",schema:schema80.properties.page_array.required,parentSchema:schema80.properties.page_array,data:data52};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
for(const key8 in data52){
if(!(((((key8 === "header") || (key8 === "count")) || (key8 === "pages_member")) || (key8 === "entry")) || (key8 === "pages"))){
const err134 = {instancePath:instancePath+"/page_array",schemaPath:"#/properties/page_array/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema80.properties.page_array,data:data52};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
if(data52.header !== undefined){
if(data52.count === undefined){
const err135 = {instancePath:instancePath+"/page_array",schemaPath:"#/properties/page_array/dependencies",keyword:"dependencies",params:{property: "header",
    missingProperty: "count",
    depsCount: 1,
    deps: "count"},message:"must have property count when property header is present",schema:schema80.properties.page_array.dependencies,parentSchema:schema80.properties.page_array,data:data52};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
if(data52.count !== undefined){
if(data52.header === undefined){
const err136 = {instancePath:instancePath+"/page_array",schemaPath:"#/properties/page_array/dependencies",keyword:"dependencies",params:{property: "count",
    missingProperty: "header",
    depsCount: 1,
    deps: "header"},message:"must have property header when property count is present",schema:schema80.properties.page_array.dependencies,parentSchema:schema80.properties.page_array,data:data52};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
if(data52.header !== undefined){
let data53 = data52.header;
if(typeof data53 === "string"){
if(!pattern7.test(data53)){
const err137 = {instancePath:instancePath+"/page_array/header",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data53};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
else {
const err138 = {instancePath:instancePath+"/page_array/header",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data53};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
if(data52.count !== undefined){
let data54 = data52.count;
if(typeof data54 === "string"){
if(!pattern56.test(data54)){
const err139 = {instancePath:instancePath+"/page_array/count",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data54};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
else {
const err140 = {instancePath:instancePath+"/page_array/count",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data54};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
}
if(data52.pages_member !== undefined){
let data55 = data52.pages_member;
if(typeof data55 === "string"){
if(!pattern56.test(data55)){
const err141 = {instancePath:instancePath+"/page_array/pages_member",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data55};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
else {
const err142 = {instancePath:instancePath+"/page_array/pages_member",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data55};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
if(data52.entry !== undefined){
let data56 = data52.entry;
if(typeof data56 === "string"){
if(!pattern7.test(data56)){
const err143 = {instancePath:instancePath+"/page_array/entry",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data56};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
else {
const err144 = {instancePath:instancePath+"/page_array/entry",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data56};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
if(data52.pages !== undefined){
let data57 = data52.pages;
if((typeof data57 !== "string") && (!(((typeof data57 == "number") && (!(data57 % 1) && !isNaN(data57))) && (isFinite(data57))))){
const err145 = {instancePath:instancePath+"/page_array/pages",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data57};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
}
else {
const err146 = {instancePath:instancePath+"/page_array",schemaPath:"#/properties/page_array/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.properties.page_array.type,parentSchema:schema80.properties.page_array,data:data52};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
if(data.fdt !== undefined){
let data58 = data.fdt;
if(data58 && typeof data58 == "object" && !Array.isArray(data58)){
if(data58.compatible === undefined){
const err147 = {instancePath:instancePath+"/fdt",schemaPath:"#/properties/fdt/required",keyword:"required",params:{missingProperty: "compatible"},message:"must have required property '"+"compatible"+"'",schema:schema80.properties.fdt.required,parentSchema:schema80.properties.fdt,data:data58};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
for(const key9 in data58){
if(!((((key9 === "compatible") || (key9 === "properties")) || (key9 === "node_properties")) || (key9 === "services"))){
const err148 = {instancePath:instancePath+"/fdt",schemaPath:"#/properties/fdt/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema80.properties.fdt,data:data58};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
}
if(data58.compatible !== undefined){
let data59 = data58.compatible;
if(typeof data59 === "string"){
if(!pattern7.test(data59)){
const err149 = {instancePath:instancePath+"/fdt/compatible",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data59};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
else {
const err150 = {instancePath:instancePath+"/fdt/compatible",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data59};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
if(data58.properties !== undefined){
let data60 = data58.properties;
if(Array.isArray(data60)){
const len1 = data60.length;
for(let i1=0; i1<len1; i1++){
if(!(validate40(data60[i1], {instancePath:instancePath+"/fdt/properties/" + i1,parentData:data60,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
}
}
else {
const err151 = {instancePath:instancePath+"/fdt/properties",schemaPath:"#/properties/fdt/properties/properties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema80.properties.fdt.properties.properties.type,parentSchema:schema80.properties.fdt.properties.properties,data:data60};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
}
if(data58.node_properties !== undefined){
let data62 = data58.node_properties;
if(Array.isArray(data62)){
const len2 = data62.length;
for(let i2=0; i2<len2; i2++){
if(!(validate40(data62[i2], {instancePath:instancePath+"/fdt/node_properties/" + i2,parentData:data62,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
}
}
else {
const err152 = {instancePath:instancePath+"/fdt/node_properties",schemaPath:"#/properties/fdt/properties/node_properties/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema80.properties.fdt.properties.node_properties.type,parentSchema:schema80.properties.fdt.properties.node_properties,data:data62};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
if(data58.services !== undefined){
let data64 = data58.services;
if(Array.isArray(data64)){
const len3 = data64.length;
for(let i3=0; i3<len3; i3++){
let data65 = data64[i3];
if(typeof data65 === "string"){
if(!pattern7.test(data65)){
const err153 = {instancePath:instancePath+"/fdt/services/" + i3,schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data65};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
}
else {
const err154 = {instancePath:instancePath+"/fdt/services/" + i3,schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data65};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
}
let i4 = data64.length;
let j0;
if(i4 > 1){
outer0:
for(;i4--;){
for(j0 = i4; j0--;){
if(func0(data64[i4], data64[j0])){
const err155 = {instancePath:instancePath+"/fdt/services",schemaPath:"#/properties/fdt/properties/services/uniqueItems",keyword:"uniqueItems",params:{i: i4, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i4+" are identical)",schema:true,parentSchema:schema80.properties.fdt.properties.services,data:data64};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err156 = {instancePath:instancePath+"/fdt/services",schemaPath:"#/properties/fdt/properties/services/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema80.properties.fdt.properties.services.type,parentSchema:schema80.properties.fdt.properties.services,data:data64};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
}
else {
const err157 = {instancePath:instancePath+"/fdt",schemaPath:"#/properties/fdt/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.properties.fdt.type,parentSchema:schema80.properties.fdt,data:data58};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
}
if(data.sparse_array !== undefined){
let data66 = data.sparse_array;
if(data66 && typeof data66 == "object" && !Array.isArray(data66)){
if(data66.descriptor === undefined){
const err158 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "descriptor"},message:"must have required property '"+"descriptor"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
if(data66.magic === undefined){
const err159 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "magic"},message:"must have required property '"+"magic"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
if(data66.version === undefined){
const err160 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
if(data66.first === undefined){
const err161 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "first"},message:"must have required property '"+"first"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
if(data66.page === undefined){
const err162 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "page"},message:"must have required property '"+"page"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
if(data66.next === undefined){
const err163 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "next"},message:"must have required property '"+"next"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
if(data66.start === undefined){
const err164 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "start"},message:"must have required property '"+"start"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
if(data66.entries === undefined){
const err165 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "entries"},message:"must have required property '"+"entries"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
if(data66.page_size === undefined){
const err166 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "page_size"},message:"must have required property '"+"page_size"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
if(data66.capacity === undefined){
const err167 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "capacity"},message:"must have required property '"+"capacity"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
if(data66.magic_value === undefined){
const err168 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "magic_value"},message:"must have required property '"+"magic_value"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
if(data66.version_value === undefined){
const err169 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "version_value"},message:"must have required property '"+"version_value"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
if(data66.value_tag === undefined){
const err170 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "value_tag"},message:"must have required property '"+"value_tag"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
if(data66.value_shift === undefined){
const err171 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/required",keyword:"required",params:{missingProperty: "value_shift"},message:"must have required property '"+"value_shift"+"'",schema:schema80.properties.sparse_array.required,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
for(const key10 in data66){
if(!(func2.call(schema80.properties.sparse_array.properties, key10))){
const err172 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
if(data66.descriptor !== undefined){
let data67 = data66.descriptor;
if(typeof data67 === "string"){
if(!pattern7.test(data67)){
const err173 = {instancePath:instancePath+"/sparse_array/descriptor",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data67};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
}
else {
const err174 = {instancePath:instancePath+"/sparse_array/descriptor",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data67};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
}
if(data66.magic !== undefined){
let data68 = data66.magic;
if(typeof data68 === "string"){
if(!pattern56.test(data68)){
const err175 = {instancePath:instancePath+"/sparse_array/magic",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data68};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
else {
const err176 = {instancePath:instancePath+"/sparse_array/magic",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data68};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
if(data66.version !== undefined){
let data69 = data66.version;
if(typeof data69 === "string"){
if(!pattern56.test(data69)){
const err177 = {instancePath:instancePath+"/sparse_array/version",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data69};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
else {
const err178 = {instancePath:instancePath+"/sparse_array/version",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data69};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
}
if(data66.first !== undefined){
let data70 = data66.first;
if(typeof data70 === "string"){
if(!pattern56.test(data70)){
const err179 = {instancePath:instancePath+"/sparse_array/first",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data70};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
}
else {
const err180 = {instancePath:instancePath+"/sparse_array/first",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data70};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
if(data66.page !== undefined){
let data71 = data66.page;
if(typeof data71 === "string"){
if(!pattern7.test(data71)){
const err181 = {instancePath:instancePath+"/sparse_array/page",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data71};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
}
else {
const err182 = {instancePath:instancePath+"/sparse_array/page",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data71};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
}
if(data66.next !== undefined){
let data72 = data66.next;
if(typeof data72 === "string"){
if(!pattern56.test(data72)){
const err183 = {instancePath:instancePath+"/sparse_array/next",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data72};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
}
else {
const err184 = {instancePath:instancePath+"/sparse_array/next",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data72};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
}
if(data66.start !== undefined){
let data73 = data66.start;
if(typeof data73 === "string"){
if(!pattern56.test(data73)){
const err185 = {instancePath:instancePath+"/sparse_array/start",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data73};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
}
else {
const err186 = {instancePath:instancePath+"/sparse_array/start",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data73};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
}
if(data66.entries !== undefined){
let data74 = data66.entries;
if(typeof data74 === "string"){
if(!pattern56.test(data74)){
const err187 = {instancePath:instancePath+"/sparse_array/entries",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data74};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
}
else {
const err188 = {instancePath:instancePath+"/sparse_array/entries",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data74};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
}
if(data66.page_size !== undefined){
let data75 = data66.page_size;
if((typeof data75 !== "string") && (!(((typeof data75 == "number") && (!(data75 % 1) && !isNaN(data75))) && (isFinite(data75))))){
const err189 = {instancePath:instancePath+"/sparse_array/page_size",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data75};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
}
if(data66.capacity !== undefined){
let data76 = data66.capacity;
if((typeof data76 !== "string") && (!(((typeof data76 == "number") && (!(data76 % 1) && !isNaN(data76))) && (isFinite(data76))))){
const err190 = {instancePath:instancePath+"/sparse_array/capacity",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data76};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
}
}
if(data66.magic_value !== undefined){
let data77 = data66.magic_value;
if((typeof data77 !== "string") && (!(((typeof data77 == "number") && (!(data77 % 1) && !isNaN(data77))) && (isFinite(data77))))){
const err191 = {instancePath:instancePath+"/sparse_array/magic_value",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data77};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
}
if(data66.version_value !== undefined){
let data78 = data66.version_value;
if((typeof data78 !== "string") && (!(((typeof data78 == "number") && (!(data78 % 1) && !isNaN(data78))) && (isFinite(data78))))){
const err192 = {instancePath:instancePath+"/sparse_array/version_value",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data78};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
}
if(data66.value_tag !== undefined){
let data79 = data66.value_tag;
if((typeof data79 !== "string") && (!(((typeof data79 == "number") && (!(data79 % 1) && !isNaN(data79))) && (isFinite(data79))))){
const err193 = {instancePath:instancePath+"/sparse_array/value_tag",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data79};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
}
if(data66.value_shift !== undefined){
let data80 = data66.value_shift;
if((typeof data80 !== "string") && (!(((typeof data80 == "number") && (!(data80 % 1) && !isNaN(data80))) && (isFinite(data80))))){
const err194 = {instancePath:instancePath+"/sparse_array/value_shift",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data80};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
}
}
else {
const err195 = {instancePath:instancePath+"/sparse_array",schemaPath:"#/properties/sparse_array/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.properties.sparse_array.type,parentSchema:schema80.properties.sparse_array,data:data66};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
}
if(data.dictionary !== undefined){
let data81 = data.dictionary;
if(data81 && typeof data81 == "object" && !Array.isArray(data81)){
if(data81.header === undefined){
const err196 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "header"},message:"must have required property '"+"header"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
if(data81.magic === undefined){
const err197 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "magic"},message:"must have required property '"+"magic"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
if(data81.version === undefined){
const err198 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
if(data81.entries === undefined){
const err199 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "entries"},message:"must have required property '"+"entries"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
if(data81.count === undefined){
const err200 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "count"},message:"must have required property '"+"count"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
if(data81.entry === undefined){
const err201 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "entry"},message:"must have required property '"+"entry"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
if(data81.name === undefined){
const err202 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
if(data81.type === undefined){
const err203 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
if(data81.entry_version === undefined){
const err204 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "entry_version"},message:"must have required property '"+"entry_version"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
if(data81.address === undefined){
const err205 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "address"},message:"must have required property '"+"address"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
if(data81.via === undefined){
const err206 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "via"},message:"must have required property '"+"via"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
if(data81.magic_value === undefined){
const err207 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "magic_value"},message:"must have required property '"+"magic_value"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
if(data81.version_value === undefined){
const err208 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/required",keyword:"required",params:{missingProperty: "version_value"},message:"must have required property '"+"version_value"+"'",schema:schema80.properties.dictionary.required,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
for(const key11 in data81){
if(!(func2.call(schema80.properties.dictionary.properties, key11))){
const err209 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
}
if(data81.header !== undefined){
let data82 = data81.header;
if(typeof data82 === "string"){
if(!pattern7.test(data82)){
const err210 = {instancePath:instancePath+"/dictionary/header",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data82};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
}
else {
const err211 = {instancePath:instancePath+"/dictionary/header",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data82};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
}
if(data81.magic !== undefined){
let data83 = data81.magic;
if(typeof data83 === "string"){
if(!pattern56.test(data83)){
const err212 = {instancePath:instancePath+"/dictionary/magic",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data83};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
}
else {
const err213 = {instancePath:instancePath+"/dictionary/magic",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data83};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
}
if(data81.version !== undefined){
let data84 = data81.version;
if(typeof data84 === "string"){
if(!pattern56.test(data84)){
const err214 = {instancePath:instancePath+"/dictionary/version",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data84};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
}
else {
const err215 = {instancePath:instancePath+"/dictionary/version",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data84};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
}
if(data81.entries !== undefined){
let data85 = data81.entries;
if(typeof data85 === "string"){
if(!pattern56.test(data85)){
const err216 = {instancePath:instancePath+"/dictionary/entries",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data85};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
}
else {
const err217 = {instancePath:instancePath+"/dictionary/entries",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data85};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
}
}
if(data81.count !== undefined){
let data86 = data81.count;
if(typeof data86 === "string"){
if(!pattern56.test(data86)){
const err218 = {instancePath:instancePath+"/dictionary/count",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data86};
if(vErrors === null){
vErrors = [err218];
}
else {
vErrors.push(err218);
}
errors++;
}
}
else {
const err219 = {instancePath:instancePath+"/dictionary/count",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data86};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
}
if(data81.entry !== undefined){
let data87 = data81.entry;
if(typeof data87 === "string"){
if(!pattern7.test(data87)){
const err220 = {instancePath:instancePath+"/dictionary/entry",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data87};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
}
}
else {
const err221 = {instancePath:instancePath+"/dictionary/entry",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data87};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
}
if(data81.name !== undefined){
let data88 = data81.name;
if(typeof data88 === "string"){
if(!pattern56.test(data88)){
const err222 = {instancePath:instancePath+"/dictionary/name",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data88};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
}
else {
const err223 = {instancePath:instancePath+"/dictionary/name",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data88};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
}
if(data81.type !== undefined){
let data89 = data81.type;
if(typeof data89 === "string"){
if(!pattern56.test(data89)){
const err224 = {instancePath:instancePath+"/dictionary/type",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data89};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
else {
const err225 = {instancePath:instancePath+"/dictionary/type",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data89};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
}
if(data81.entry_version !== undefined){
let data90 = data81.entry_version;
if(typeof data90 === "string"){
if(!pattern56.test(data90)){
const err226 = {instancePath:instancePath+"/dictionary/entry_version",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data90};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
}
}
else {
const err227 = {instancePath:instancePath+"/dictionary/entry_version",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data90};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
}
if(data81.address !== undefined){
let data91 = data81.address;
if(typeof data91 === "string"){
if(!pattern56.test(data91)){
const err228 = {instancePath:instancePath+"/dictionary/address",schemaPath:"#/definitions/memberPath/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$",parentSchema:schema92,data:data91};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
}
else {
const err229 = {instancePath:instancePath+"/dictionary/address",schemaPath:"#/definitions/memberPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema92.type,parentSchema:schema92,data:data91};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
}
if(data81.via !== undefined){
let data92 = data81.via;
if(typeof data92 === "string"){
if(!pattern7.test(data92)){
const err230 = {instancePath:instancePath+"/dictionary/via",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data92};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
}
}
else {
const err231 = {instancePath:instancePath+"/dictionary/via",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data92};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
}
if(data81.magic_value !== undefined){
let data93 = data81.magic_value;
if((typeof data93 !== "string") && (!(((typeof data93 == "number") && (!(data93 % 1) && !isNaN(data93))) && (isFinite(data93))))){
const err232 = {instancePath:instancePath+"/dictionary/magic_value",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data93};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
}
if(data81.version_value !== undefined){
let data94 = data81.version_value;
if((typeof data94 !== "string") && (!(((typeof data94 == "number") && (!(data94 % 1) && !isNaN(data94))) && (isFinite(data94))))){
const err233 = {instancePath:instancePath+"/dictionary/version_value",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data94};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
}
}
else {
const err234 = {instancePath:instancePath+"/dictionary",schemaPath:"#/properties/dictionary/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.properties.dictionary.type,parentSchema:schema80.properties.dictionary,data:data81};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
}
}
else {
const err235 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema80.type,parentSchema:schema80,data};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
validate39.errors = vErrors;
return errors === 0;
}

const schema159 = {"description":"A static assertion.","type":"object","additionalProperties":false,"required":["expr"],"properties":{"expr":{"description":"A constant expression that must be non-zero.","$ref":"#/definitions/expr"},"message":{"description":"Why the assertion holds.","type":"string"},"after":{"description":"Emit the assertion right after this struct, constant or macro, as the kernel header does; at the end of the header when absent.","$ref":"#/definitions/identifier"},"in":{"$ref":"#/definitions/inVersions"},"helper":{"description":"A check of kho-abi's own, emitted only for profiles that ask for helpers (the kernel's header does not have it).","type":"boolean"},"text":{"description":"The C text emitted when it differs from expr (offsetof(), sizeof(unsigned long)): gcc checks it when the header is compiled; kho-abi evaluates expr.","type":"string","minLength":1}}};

function validate45(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.expr === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "expr"},message:"must have required property '"+"expr"+"'",schema:schema159.required,parentSchema:schema159,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "expr") || (key0 === "message")) || (key0 === "after")) || (key0 === "in")) || (key0 === "helper")) || (key0 === "text"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema159,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.expr !== undefined){
let data0 = data.expr;
if((typeof data0 !== "string") && (!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0))))){
const err2 = {instancePath:instancePath+"/expr",schemaPath:"#/definitions/expr/type",keyword:"type",params:{type: schema31.type},message:"must be string,integer",schema:schema31.type,parentSchema:schema31,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.message !== undefined){
let data1 = data.message;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/message",schemaPath:"#/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema159.properties.message.type,parentSchema:schema159.properties.message,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.after !== undefined){
let data2 = data.after;
if(typeof data2 === "string"){
if(!pattern7.test(data2)){
const err4 = {instancePath:instancePath+"/after",schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/after",schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.in !== undefined){
if(!(validate18(data.in, {instancePath:instancePath+"/in",parentData:data,parentDataProperty:"in",rootData}))){
vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
errors = vErrors.length;
}
}
if(data.helper !== undefined){
let data4 = data.helper;
if(typeof data4 !== "boolean"){
const err6 = {instancePath:instancePath+"/helper",schemaPath:"#/properties/helper/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema159.properties.helper.type,parentSchema:schema159.properties.helper,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.text !== undefined){
let data5 = data.text;
if(typeof data5 === "string"){
if(func3(data5) < 1){
const err7 = {instancePath:instancePath+"/text",schemaPath:"#/properties/text/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema159.properties.text,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/text",schemaPath:"#/properties/text/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema159.properties.text.type,parentSchema:schema159.properties.text,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema159.type,parentSchema:schema159,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate45.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://kho-abi.invalid/kho-abi.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.schema === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "schema"},message:"must have required property '"+"schema"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.spdx === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spdx"},message:"must have required property '"+"spdx"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.title === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "title"},message:"must have required property '"+"title"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.doc === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "doc"},message:"must have required property '"+"doc"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.schema !== undefined){
let data0 = data.schema;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err5 = {instancePath:instancePath+"/schema",schemaPath:"#/properties/schema/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema11.properties.schema,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/schema",schemaPath:"#/properties/schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.schema.type,parentSchema:schema11.properties.schema,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.header !== undefined){
let data1 = data.header;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err7 = {instancePath:instancePath+"/header",schemaPath:"#/properties/header/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema11.properties.header,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/header",schemaPath:"#/properties/header/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.header.type,parentSchema:schema11.properties.header,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.defined_in !== undefined){
let data2 = data.defined_in;
if(typeof data2 === "string"){
if(!pattern2.test(data2)){
const err9 = {instancePath:instancePath+"/defined_in",schemaPath:"#/properties/defined_in/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_./-]+\\.c$"},message:"must match pattern \""+"^[A-Za-z0-9_./-]+\\.c$"+"\"",schema:"^[A-Za-z0-9_./-]+\\.c$",parentSchema:schema11.properties.defined_in,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/defined_in",schemaPath:"#/properties/defined_in/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.defined_in.type,parentSchema:schema11.properties.defined_in,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.spdx !== undefined){
let data3 = data.spdx;
if(typeof data3 === "string"){
if(!pattern3.test(data3)){
const err11 = {instancePath:instancePath+"/spdx",schemaPath:"#/properties/spdx/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9.+() -]+$"},message:"must match pattern \""+"^[A-Za-z0-9.+() -]+$"+"\"",schema:"^[A-Za-z0-9.+() -]+$",parentSchema:schema11.properties.spdx,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/spdx",schemaPath:"#/properties/spdx/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spdx.type,parentSchema:schema11.properties.spdx,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.title !== undefined){
let data4 = data.title;
if(typeof data4 === "string"){
if(func3(data4) < 1){
const err13 = {instancePath:instancePath+"/title",schemaPath:"#/properties/title/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.title,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
if(!pattern4.test(data4)){
const err14 = {instancePath:instancePath+"/title",schemaPath:"#/properties/title/pattern",keyword:"pattern",params:{pattern: "^[^\\n]+$"},message:"must match pattern \""+"^[^\\n]+$"+"\"",schema:"^[^\\n]+$",parentSchema:schema11.properties.title,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/title",schemaPath:"#/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.title.type,parentSchema:schema11.properties.title,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.doc !== undefined){
let data5 = data.doc;
if(typeof data5 === "string"){
if(func3(data5) < 1){
const err16 = {instancePath:instancePath+"/doc",schemaPath:"#/properties/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.doc,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/doc",schemaPath:"#/properties/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.doc.type,parentSchema:schema11.properties.doc,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.includes !== undefined){
let data6 = data.includes;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
if(typeof data7 === "string"){
if(!pattern0.test(data7)){
const err18 = {instancePath:instancePath+"/includes/" + i0,schemaPath:"#/definitions/schemaName/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema12,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/includes/" + i0,schemaPath:"#/definitions/schemaName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
let i1 = data6.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data6[i1], data6[j0])){
const err20 = {instancePath:instancePath+"/includes",schemaPath:"#/properties/includes/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema11.properties.includes,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err21 = {instancePath:instancePath+"/includes",schemaPath:"#/properties/includes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.includes.type,parentSchema:schema11.properties.includes,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.component !== undefined){
if(!(validate11(data.component, {instancePath:instancePath+"/component",parentData:data,parentDataProperty:"component",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.externals !== undefined){
let data9 = data.externals;
if(Array.isArray(data9)){
const len1 = data9.length;
for(let i2=0; i2<len1; i2++){
if(!(validate15(data9[i2], {instancePath:instancePath+"/externals/" + i2,parentData:data9,parentDataProperty:i2,rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
}
}
else {
const err22 = {instancePath:instancePath+"/externals",schemaPath:"#/properties/externals/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.externals.type,parentSchema:schema11.properties.externals,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.constants !== undefined){
let data11 = data.constants;
if(Array.isArray(data11)){
const len2 = data11.length;
for(let i3=0; i3<len2; i3++){
if(!(validate17(data11[i3], {instancePath:instancePath+"/constants/" + i3,parentData:data11,parentDataProperty:i3,rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
}
else {
const err23 = {instancePath:instancePath+"/constants",schemaPath:"#/properties/constants/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.constants.type,parentSchema:schema11.properties.constants,data:data11};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.macros !== undefined){
let data13 = data.macros;
if(Array.isArray(data13)){
const len3 = data13.length;
for(let i4=0; i4<len3; i4++){
if(!(validate22(data13[i4], {instancePath:instancePath+"/macros/" + i4,parentData:data13,parentDataProperty:i4,rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
}
else {
const err24 = {instancePath:instancePath+"/macros",schemaPath:"#/properties/macros/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.macros.type,parentSchema:schema11.properties.macros,data:data13};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.enums !== undefined){
let data15 = data.enums;
if(Array.isArray(data15)){
const len4 = data15.length;
for(let i5=0; i5<len4; i5++){
if(!(validate25(data15[i5], {instancePath:instancePath+"/enums/" + i5,parentData:data15,parentDataProperty:i5,rootData}))){
vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
errors = vErrors.length;
}
}
}
else {
const err25 = {instancePath:instancePath+"/enums",schemaPath:"#/properties/enums/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.enums.type,parentSchema:schema11.properties.enums,data:data15};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.structs !== undefined){
let data17 = data.structs;
if(Array.isArray(data17)){
const len5 = data17.length;
for(let i6=0; i6<len5; i6++){
if(!(validate29(data17[i6], {instancePath:instancePath+"/structs/" + i6,parentData:data17,parentDataProperty:i6,rootData}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
}
}
else {
const err26 = {instancePath:instancePath+"/structs",schemaPath:"#/properties/structs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.structs.type,parentSchema:schema11.properties.structs,data:data17};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.containers !== undefined){
let data19 = data.containers;
if(Array.isArray(data19)){
const len6 = data19.length;
for(let i7=0; i7<len6; i7++){
if(!(validate39(data19[i7], {instancePath:instancePath+"/containers/" + i7,parentData:data19,parentDataProperty:i7,rootData}))){
vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
errors = vErrors.length;
}
}
}
else {
const err27 = {instancePath:instancePath+"/containers",schemaPath:"#/properties/containers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.containers.type,parentSchema:schema11.properties.containers,data:data19};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.asserts !== undefined){
let data21 = data.asserts;
if(Array.isArray(data21)){
const len7 = data21.length;
for(let i8=0; i8<len7; i8++){
if(!(validate45(data21[i8], {instancePath:instancePath+"/asserts/" + i8,parentData:data21,parentDataProperty:i8,rootData}))){
vErrors = vErrors === null ? validate45.errors : vErrors.concat(validate45.errors);
errors = vErrors.length;
}
}
}
else {
const err28 = {instancePath:instancePath+"/asserts",schemaPath:"#/properties/asserts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.asserts.type,parentSchema:schema11.properties.asserts,data:data21};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.order !== undefined){
let data23 = data.order;
if(Array.isArray(data23)){
const len8 = data23.length;
for(let i9=0; i9<len8; i9++){
let data24 = data23[i9];
if(typeof data24 === "string"){
if(!pattern7.test(data24)){
const err29 = {instancePath:instancePath+"/order/" + i9,schemaPath:"#/definitions/identifier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema14,data:data24};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/order/" + i9,schemaPath:"#/definitions/identifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.type,parentSchema:schema14,data:data24};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
let i10 = data23.length;
let j1;
if(i10 > 1){
outer1:
for(;i10--;){
for(j1 = i10; j1--;){
if(func0(data23[i10], data23[j1])){
const err31 = {instancePath:instancePath+"/order",schemaPath:"#/properties/order/uniqueItems",keyword:"uniqueItems",params:{i: i10, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i10+" are identical)",schema:true,parentSchema:schema11.properties.order,data:data23};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
break outer1;
}
}
}
}
}
else {
const err32 = {instancePath:instancePath+"/order",schemaPath:"#/properties/order/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.order.type,parentSchema:schema11.properties.order,data:data23};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
else {
const err33 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

return result;
})();
// profiles/profile.schema.json
const validator1 = (() => {
const result = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://kho-abi.invalid/profile.schema.json","title":"kho-abi kernel profile","description":"One real kernel tree: which version of each schema its include/linux/kho/abi/ headers carry, in which header, and what it keeps private to its .c files.","type":"object","additionalProperties":false,"required":["profile","doc","repo","headers"],"properties":{"profile":{"type":"string","pattern":"^[a-z0-9][a-z0-9_-]*$","description":"Name of the profile, as given to --profile; the file is profiles/<name>.yaml."},"doc":{"type":"string","minLength":1,"description":"What tree this is and why it differs from the others."},"repo":{"type":"string","minLength":1,"description":"The repository the headers were read from (owner/name), or the mailing-list series for a tree reconstructed from patches."},"output":{"type":"string","pattern":"^[A-Za-z0-9_./-]+$","description":"Folder (relative to the project) that `gen` writes this profile's include/ tree into; default generated/profiles/<name>."},"helpers":{"type":"boolean","description":"Emit kho-abi's own checks the kernel does not have: <component>_compat_ok(), feature checks, a static_assert of every struct's size. Default false."},"headers":{"type":"array","minItems":1,"description":"The headers of include/linux/kho/abi/ in this tree, each made of one or more schema versions, in order.","items":{"type":"object","additionalProperties":false,"required":["file","parts"],"properties":{"file":{"type":"string","pattern":"^[a-z0-9_]+\\.h$","description":"File name under include/linux/kho/abi/."},"commit":{"type":"string","pattern":"^[0-9a-f]{7,40}$|^patch: .+$","description":"The commit this header was read from, or 'patch: <subject>' for a mailing-list patch."},"guard":{"type":"string","pattern":"^[A-Z_][A-Z0-9_]*$","description":"Include guard macro, when the tree does not use _LINUX_KHO_ABI_<FILE>_H."},"includes":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z0-9_./-]+\\.h$"},"description":"The #include lines as this tree writes them, in order; default: derived from the schemas."},"parts":{"type":"array","minItems":1,"description":"The schema versions this header declares, in the order it declares them.","items":{"type":"object","additionalProperties":false,"required":["schema","version"],"properties":{"schema":{"type":"string","pattern":"^[a-z][a-z0-9_]*$","description":"A schema name (schemas/<name>.yaml)."},"version":{"type":"string","pattern":"^[a-z0-9][a-z0-9_.-]*$","description":"A version id of that schema's component (or the schema name for a schema without a component)."}}}}}}},"private":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"},"description":"Constants, macros and structs this tree defines in its .c files rather than in the ABI headers: the codecs still use them, the headers leave them out."},"omit":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"},"description":"Names the schemas declare that this tree does not have at all (for example a compatible string macro of a version that predates it)."},"unmodelled":{"description":"Headers of this tree that no schema describes yet: diff-kernel names them and does not compare them.","type":"array","items":{"type":"object","additionalProperties":false,"required":["file","why"],"properties":{"file":{"type":"string","pattern":"^[a-z0-9_]+\\.h$","description":"File name under include/linux/kho/abi/."},"why":{"type":"string","minLength":1,"description":"Why, and what would model it."}}}}}};
const func2 = Object.prototype.hasOwnProperty;
const func3 = require("ajv/dist/runtime/ucs2length").default;
const pattern0 = new RegExp("^[a-z0-9][a-z0-9_-]*$", "u");
const pattern1 = new RegExp("^[A-Za-z0-9_./-]+$", "u");
const pattern2 = new RegExp("^[a-z0-9_]+\\.h$", "u");
const pattern3 = new RegExp("^[0-9a-f]{7,40}$|^patch: .+$", "u");
const pattern4 = new RegExp("^[A-Z_][A-Z0-9_]*$", "u");
const pattern5 = new RegExp("^[A-Za-z0-9_./-]+\\.h$", "u");
const pattern6 = new RegExp("^[a-z][a-z0-9_]*$", "u");
const pattern7 = new RegExp("^[a-z0-9][a-z0-9_.-]*$", "u");
const pattern8 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://kho-abi.invalid/profile.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.profile === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "profile"},message:"must have required property '"+"profile"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.doc === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "doc"},message:"must have required property '"+"doc"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.repo === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "repo"},message:"must have required property '"+"repo"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.headers === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "headers"},message:"must have required property '"+"headers"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.profile !== undefined){
let data0 = data.profile;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err5 = {instancePath:instancePath+"/profile",schemaPath:"#/properties/profile/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_-]*$",parentSchema:schema11.properties.profile,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/profile",schemaPath:"#/properties/profile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.profile.type,parentSchema:schema11.properties.profile,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.doc !== undefined){
let data1 = data.doc;
if(typeof data1 === "string"){
if(func3(data1) < 1){
const err7 = {instancePath:instancePath+"/doc",schemaPath:"#/properties/doc/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.doc,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/doc",schemaPath:"#/properties/doc/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.doc.type,parentSchema:schema11.properties.doc,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.repo !== undefined){
let data2 = data.repo;
if(typeof data2 === "string"){
if(func3(data2) < 1){
const err9 = {instancePath:instancePath+"/repo",schemaPath:"#/properties/repo/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.repo,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/repo",schemaPath:"#/properties/repo/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.repo.type,parentSchema:schema11.properties.repo,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.output !== undefined){
let data3 = data.output;
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err11 = {instancePath:instancePath+"/output",schemaPath:"#/properties/output/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_./-]+$"},message:"must match pattern \""+"^[A-Za-z0-9_./-]+$"+"\"",schema:"^[A-Za-z0-9_./-]+$",parentSchema:schema11.properties.output,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/output",schemaPath:"#/properties/output/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.output.type,parentSchema:schema11.properties.output,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.helpers !== undefined){
let data4 = data.helpers;
if(typeof data4 !== "boolean"){
const err13 = {instancePath:instancePath+"/helpers",schemaPath:"#/properties/helpers/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.helpers.type,parentSchema:schema11.properties.helpers,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.headers !== undefined){
let data5 = data.headers;
if(Array.isArray(data5)){
if(data5.length < 1){
const err14 = {instancePath:instancePath+"/headers",schemaPath:"#/properties/headers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.headers,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(data6.file === undefined){
const err15 = {instancePath:instancePath+"/headers/" + i0,schemaPath:"#/properties/headers/items/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema11.properties.headers.items.required,parentSchema:schema11.properties.headers.items,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data6.parts === undefined){
const err16 = {instancePath:instancePath+"/headers/" + i0,schemaPath:"#/properties/headers/items/required",keyword:"required",params:{missingProperty: "parts"},message:"must have required property '"+"parts"+"'",schema:schema11.properties.headers.items.required,parentSchema:schema11.properties.headers.items,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key1 in data6){
if(!(((((key1 === "file") || (key1 === "commit")) || (key1 === "guard")) || (key1 === "includes")) || (key1 === "parts"))){
const err17 = {instancePath:instancePath+"/headers/" + i0,schemaPath:"#/properties/headers/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.headers.items,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data6.file !== undefined){
let data7 = data6.file;
if(typeof data7 === "string"){
if(!pattern2.test(data7)){
const err18 = {instancePath:instancePath+"/headers/" + i0+"/file",schemaPath:"#/properties/headers/items/properties/file/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9_]+\\.h$"},message:"must match pattern \""+"^[a-z0-9_]+\\.h$"+"\"",schema:"^[a-z0-9_]+\\.h$",parentSchema:schema11.properties.headers.items.properties.file,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/headers/" + i0+"/file",schemaPath:"#/properties/headers/items/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.headers.items.properties.file.type,parentSchema:schema11.properties.headers.items.properties.file,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data6.commit !== undefined){
let data8 = data6.commit;
if(typeof data8 === "string"){
if(!pattern3.test(data8)){
const err20 = {instancePath:instancePath+"/headers/" + i0+"/commit",schemaPath:"#/properties/headers/items/properties/commit/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{7,40}$|^patch: .+$"},message:"must match pattern \""+"^[0-9a-f]{7,40}$|^patch: .+$"+"\"",schema:"^[0-9a-f]{7,40}$|^patch: .+$",parentSchema:schema11.properties.headers.items.properties.commit,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/headers/" + i0+"/commit",schemaPath:"#/properties/headers/items/properties/commit/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.headers.items.properties.commit.type,parentSchema:schema11.properties.headers.items.properties.commit,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data6.guard !== undefined){
let data9 = data6.guard;
if(typeof data9 === "string"){
if(!pattern4.test(data9)){
const err22 = {instancePath:instancePath+"/headers/" + i0+"/guard",schemaPath:"#/properties/headers/items/properties/guard/pattern",keyword:"pattern",params:{pattern: "^[A-Z_][A-Z0-9_]*$"},message:"must match pattern \""+"^[A-Z_][A-Z0-9_]*$"+"\"",schema:"^[A-Z_][A-Z0-9_]*$",parentSchema:schema11.properties.headers.items.properties.guard,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/headers/" + i0+"/guard",schemaPath:"#/properties/headers/items/properties/guard/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.headers.items.properties.guard.type,parentSchema:schema11.properties.headers.items.properties.guard,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data6.includes !== undefined){
let data10 = data6.includes;
if(Array.isArray(data10)){
const len1 = data10.length;
for(let i1=0; i1<len1; i1++){
let data11 = data10[i1];
if(typeof data11 === "string"){
if(!pattern5.test(data11)){
const err24 = {instancePath:instancePath+"/headers/" + i0+"/includes/" + i1,schemaPath:"#/properties/headers/items/properties/includes/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_./-]+\\.h$"},message:"must match pattern \""+"^[A-Za-z0-9_./-]+\\.h$"+"\"",schema:"^[A-Za-z0-9_./-]+\\.h$",parentSchema:schema11.properties.headers.items.properties.includes.items,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/headers/" + i0+"/includes/" + i1,schemaPath:"#/properties/headers/items/properties/includes/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.headers.items.properties.includes.items.type,parentSchema:schema11.properties.headers.items.properties.includes.items,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
else {
const err26 = {instancePath:instancePath+"/headers/" + i0+"/includes",schemaPath:"#/properties/headers/items/properties/includes/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.headers.items.properties.includes.type,parentSchema:schema11.properties.headers.items.properties.includes,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data6.parts !== undefined){
let data12 = data6.parts;
if(Array.isArray(data12)){
if(data12.length < 1){
const err27 = {instancePath:instancePath+"/headers/" + i0+"/parts",schemaPath:"#/properties/headers/items/properties/parts/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.headers.items.properties.parts,data:data12};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
const len2 = data12.length;
for(let i2=0; i2<len2; i2++){
let data13 = data12[i2];
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.schema === undefined){
const err28 = {instancePath:instancePath+"/headers/" + i0+"/parts/" + i2,schemaPath:"#/properties/headers/items/properties/parts/items/required",keyword:"required",params:{missingProperty: "schema"},message:"must have required property '"+"schema"+"'",schema:schema11.properties.headers.items.properties.parts.items.required,parentSchema:schema11.properties.headers.items.properties.parts.items,data:data13};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data13.version === undefined){
const err29 = {instancePath:instancePath+"/headers/" + i0+"/parts/" + i2,schemaPath:"#/properties/headers/items/properties/parts/items/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'",schema:schema11.properties.headers.items.properties.parts.items.required,parentSchema:schema11.properties.headers.items.properties.parts.items,data:data13};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
for(const key2 in data13){
if(!((key2 === "schema") || (key2 === "version"))){
const err30 = {instancePath:instancePath+"/headers/" + i0+"/parts/" + i2,schemaPath:"#/properties/headers/items/properties/parts/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.headers.items.properties.parts.items,data:data13};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data13.schema !== undefined){
let data14 = data13.schema;
if(typeof data14 === "string"){
if(!pattern6.test(data14)){
const err31 = {instancePath:instancePath+"/headers/" + i0+"/parts/" + i2+"/schema",schemaPath:"#/properties/headers/items/properties/parts/items/properties/schema/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema11.properties.headers.items.properties.parts.items.properties.schema,data:data14};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/headers/" + i0+"/parts/" + i2+"/schema",schemaPath:"#/properties/headers/items/properties/parts/items/properties/schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.headers.items.properties.parts.items.properties.schema.type,parentSchema:schema11.properties.headers.items.properties.parts.items.properties.schema,data:data14};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data13.version !== undefined){
let data15 = data13.version;
if(typeof data15 === "string"){
if(!pattern7.test(data15)){
const err33 = {instancePath:instancePath+"/headers/" + i0+"/parts/" + i2+"/version",schemaPath:"#/properties/headers/items/properties/parts/items/properties/version/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_.-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_.-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_.-]*$",parentSchema:schema11.properties.headers.items.properties.parts.items.properties.version,data:data15};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/headers/" + i0+"/parts/" + i2+"/version",schemaPath:"#/properties/headers/items/properties/parts/items/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.headers.items.properties.parts.items.properties.version.type,parentSchema:schema11.properties.headers.items.properties.parts.items.properties.version,data:data15};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
else {
const err35 = {instancePath:instancePath+"/headers/" + i0+"/parts/" + i2,schemaPath:"#/properties/headers/items/properties/parts/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.headers.items.properties.parts.items.type,parentSchema:schema11.properties.headers.items.properties.parts.items,data:data13};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/headers/" + i0+"/parts",schemaPath:"#/properties/headers/items/properties/parts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.headers.items.properties.parts.type,parentSchema:schema11.properties.headers.items.properties.parts,data:data12};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
}
else {
const err37 = {instancePath:instancePath+"/headers/" + i0,schemaPath:"#/properties/headers/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.headers.items.type,parentSchema:schema11.properties.headers.items,data:data6};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/headers",schemaPath:"#/properties/headers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.headers.type,parentSchema:schema11.properties.headers,data:data5};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data.private !== undefined){
let data16 = data.private;
if(Array.isArray(data16)){
const len3 = data16.length;
for(let i3=0; i3<len3; i3++){
let data17 = data16[i3];
if(typeof data17 === "string"){
if(!pattern8.test(data17)){
const err39 = {instancePath:instancePath+"/private/" + i3,schemaPath:"#/properties/private/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema11.properties.private.items,data:data17};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/private/" + i3,schemaPath:"#/properties/private/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.private.items.type,parentSchema:schema11.properties.private.items,data:data17};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/private",schemaPath:"#/properties/private/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.private.type,parentSchema:schema11.properties.private,data:data16};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data.omit !== undefined){
let data18 = data.omit;
if(Array.isArray(data18)){
const len4 = data18.length;
for(let i4=0; i4<len4; i4++){
let data19 = data18[i4];
if(typeof data19 === "string"){
if(!pattern8.test(data19)){
const err42 = {instancePath:instancePath+"/omit/" + i4,schemaPath:"#/properties/omit/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema11.properties.omit.items,data:data19};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/omit/" + i4,schemaPath:"#/properties/omit/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.omit.items.type,parentSchema:schema11.properties.omit.items,data:data19};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/omit",schemaPath:"#/properties/omit/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.omit.type,parentSchema:schema11.properties.omit,data:data18};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data.unmodelled !== undefined){
let data20 = data.unmodelled;
if(Array.isArray(data20)){
const len5 = data20.length;
for(let i5=0; i5<len5; i5++){
let data21 = data20[i5];
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.file === undefined){
const err45 = {instancePath:instancePath+"/unmodelled/" + i5,schemaPath:"#/properties/unmodelled/items/required",keyword:"required",params:{missingProperty: "file"},message:"must have required property '"+"file"+"'",schema:schema11.properties.unmodelled.items.required,parentSchema:schema11.properties.unmodelled.items,data:data21};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
if(data21.why === undefined){
const err46 = {instancePath:instancePath+"/unmodelled/" + i5,schemaPath:"#/properties/unmodelled/items/required",keyword:"required",params:{missingProperty: "why"},message:"must have required property '"+"why"+"'",schema:schema11.properties.unmodelled.items.required,parentSchema:schema11.properties.unmodelled.items,data:data21};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
for(const key3 in data21){
if(!((key3 === "file") || (key3 === "why"))){
const err47 = {instancePath:instancePath+"/unmodelled/" + i5,schemaPath:"#/properties/unmodelled/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.unmodelled.items,data:data21};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data21.file !== undefined){
let data22 = data21.file;
if(typeof data22 === "string"){
if(!pattern2.test(data22)){
const err48 = {instancePath:instancePath+"/unmodelled/" + i5+"/file",schemaPath:"#/properties/unmodelled/items/properties/file/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9_]+\\.h$"},message:"must match pattern \""+"^[a-z0-9_]+\\.h$"+"\"",schema:"^[a-z0-9_]+\\.h$",parentSchema:schema11.properties.unmodelled.items.properties.file,data:data22};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/unmodelled/" + i5+"/file",schemaPath:"#/properties/unmodelled/items/properties/file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.unmodelled.items.properties.file.type,parentSchema:schema11.properties.unmodelled.items.properties.file,data:data22};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data21.why !== undefined){
let data23 = data21.why;
if(typeof data23 === "string"){
if(func3(data23) < 1){
const err50 = {instancePath:instancePath+"/unmodelled/" + i5+"/why",schemaPath:"#/properties/unmodelled/items/properties/why/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.unmodelled.items.properties.why,data:data23};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/unmodelled/" + i5+"/why",schemaPath:"#/properties/unmodelled/items/properties/why/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.unmodelled.items.properties.why.type,parentSchema:schema11.properties.unmodelled.items.properties.why,data:data23};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
else {
const err52 = {instancePath:instancePath+"/unmodelled/" + i5,schemaPath:"#/properties/unmodelled/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.unmodelled.items.type,parentSchema:schema11.properties.unmodelled.items,data:data21};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
}
else {
const err53 = {instancePath:instancePath+"/unmodelled",schemaPath:"#/properties/unmodelled/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.unmodelled.type,parentSchema:schema11.properties.unmodelled,data:data20};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
else {
const err54 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

return result;
})();
/** Each precompiled validator by the SHA-256 of the schema text it was compiled from. */
export const PRECOMPILED = new Map([
  ["0968ed879cc11b5945af8bc8d30a368ef3c590d7fec32fb8a9d23d6d6ec43e63", validator0], // schemas/kho-abi.schema.json
  ["e76f161405ec9ea9f52b034dee8613a1efb16d3b9ba06db1295d5869c2d4e8a7", validator1], // profiles/profile.schema.json
]);
