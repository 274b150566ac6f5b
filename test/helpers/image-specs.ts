/**
 * The image specs (kho-abi image build) that several tests build, as YAML
 * to go under a `luo:` line.
 */

/** A memfd of two folios, as an item of a session's `files:` list. */
export const MEMFD_TWO_FOLIOS = `        - compatible: memfd-v2
          token: 1
          fields: { pos: 0, size: 8192, seals: 0, flags: 0 }
          entries:
            - { pfn: 0x1000, flags: 3, index: 0 }
            - { pfn: 0x1001, flags: 1, index: 1 }
`;

/**
 * `luo.sessions`: vm-1 with a memfd of two folios and a file whose handler
 * has no schema, vm-2 with an empty memfd under the largest token.
 */
export const TWO_SESSIONS = `  sessions:
    - name: vm-1
      files:
${MEMFD_TWO_FOLIOS}        - { compatible: other-v1, token: 2, data: "0x1234" }
    - name: vm-2
      files:
        - compatible: memfd-v2
          token: "18446744073709551615"
          fields: { pos: 7, size: 0, seals: 1, flags: 0 }
`;
