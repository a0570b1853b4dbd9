// ast.unparse, written for glasspy (the Python half of ast.ts appends this source).

export const UNPARSE_SOURCE = String.raw`
def unparse(ast_obj):
    raise NotImplementedError
`;
