/**
 * Collects ts-morph structures and prints a module once. Adding declarations
 * one by one to a live SourceFile re-parses it each time, which made `gen`
 * take seconds; building the structures first and creating the file from
 * them prints it in a single pass with the same output.
 */
import {
  StructureKind,
  type ClassDeclarationStructure,
  type CodeBlockWriter,
  type ExportDeclarationStructure,
  type FunctionDeclarationStructure,
  type GetAccessorDeclarationStructure,
  type ImportDeclarationStructure,
  type InterfaceDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type Project,
  type ConstructorDeclarationStructure,
  type SetAccessorDeclarationStructure,
  type StatementStructures,
  type VariableStatementStructure,
} from 'ts-morph';

export class ClassSink {
  readonly ctors: OptionalKind<ConstructorDeclarationStructure>[] = [];
  readonly getAccessors: OptionalKind<GetAccessorDeclarationStructure>[] = [];
  readonly setAccessors: OptionalKind<SetAccessorDeclarationStructure>[] = [];
  readonly methods: OptionalKind<MethodDeclarationStructure>[] = [];

  addConstructor(s: OptionalKind<ConstructorDeclarationStructure>): void {
    this.ctors.push(s);
  }
  /** ts-morph prints each getter followed by the setter of the same name. */
  addGetAccessor(s: OptionalKind<GetAccessorDeclarationStructure>): void {
    this.getAccessors.push(s);
  }
  addSetAccessor(s: OptionalKind<SetAccessorDeclarationStructure>): void {
    this.setAccessors.push(s);
  }
  addMethod(s: OptionalKind<MethodDeclarationStructure>): void {
    this.methods.push(s);
  }
}

export class ModuleSink {
  private readonly imports: ImportDeclarationStructure[] = [];
  private readonly body: (StatementStructures | string | (() => StatementStructures))[] = [];

  insertImportDeclaration(_at: 0, s: OptionalKind<ImportDeclarationStructure>): void {
    this.imports.unshift({ ...s, kind: StructureKind.ImportDeclaration });
  }
  addImportDeclaration(s: OptionalKind<ImportDeclarationStructure>): void {
    this.imports.push({ ...s, kind: StructureKind.ImportDeclaration });
  }
  addExportDeclaration(s: OptionalKind<ExportDeclarationStructure>): void {
    this.body.push({ ...s, kind: StructureKind.ExportDeclaration });
  }
  addVariableStatement(s: OptionalKind<VariableStatementStructure>): void {
    this.body.push({ ...s, kind: StructureKind.VariableStatement });
  }
  addInterface(s: OptionalKind<InterfaceDeclarationStructure>): void {
    this.body.push({ ...s, kind: StructureKind.Interface });
  }
  addFunction(s: OptionalKind<FunctionDeclarationStructure>): void {
    this.body.push({ ...s, kind: StructureKind.Function });
  }
  addStatements(text: string): void {
    this.body.push(text);
  }
  addClass(s: OptionalKind<ClassDeclarationStructure>): ClassSink {
    const cls = new ClassSink();
    // Members are read when the module is printed, after the caller has added them.
    this.body.push(() => ({ ...s, kind: StructureKind.Class, ctors: cls.ctors, getAccessors: cls.getAccessors, setAccessors: cls.setAccessors, methods: cls.methods }));
    return cls;
  }

  /** Prints the module through ts-morph in one pass. */
  print(project: Project, name: string): string {
    const body = this.body.map((item) => (typeof item === 'function' ? item() : item));
    const blank = (w: CodeBlockWriter): void => {
      w.blankLineIfLastNot();
    };
    const statements = [...this.imports, ...body.flatMap((item) => [blank, item])];
    const text = project.createSourceFile(name, { statements }, { overwrite: true }).getFullText();
    // One blank line between declarations, whatever the printer did.
    return text.replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '');
  }
}
