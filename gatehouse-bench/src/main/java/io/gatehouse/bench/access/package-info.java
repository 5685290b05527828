/** Benchmarks of remote authorization: the decision pipeline alone and the authorizer around it. */
package io.gatehouse.bench.access;
