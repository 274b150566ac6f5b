/**
 * The sessions of the image specs (kho-abi image build) that several tests
 * build: vm-1 with a memfd of two folios and a file whose handler has no
 * schema, vm-2 with an empty memfd under the largest token. The YAML of
 * `luo.sessions`, indented to go under a `luo:` line.
 */
export const TWO_SESSIONS = `  sessions:
    - name: vm-1
      files:
        - compatible: memfd-v2
          token: 1
          fields: { pos: 0, size: 8192, seals: 0, flags: 0 }
          entries:
            - { pfn: 0x1000, flags: 3, index: 0 }
            - { pfn: 0x1001, flags: 1, index: 1 }
        - { compatible: other-v1, token: 2, data: "0x1234" }
    - name: vm-2
      files:
        - compatible: memfd-v2
          token: "18446744073709551615"
          fields: { pos: 7, size: 0, seals: 1, flags: 0 }
`;
