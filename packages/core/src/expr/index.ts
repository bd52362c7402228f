export { parseExpression, standalonePlace, type ParsedExpression, type ExpressionPlace } from './parse-expression.js';
export { unparse } from './unparse.js';
export type * from './ast.js';
export { COMPARISON_OPERATORS, ARITHMETIC_OPERATORS } from './ast.js';
