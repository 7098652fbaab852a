package io.routesync.model;

/** Something a plan can add, replace or delete: a rule, a route, or a table name. */
public sealed interface Entry permits Rule, Route, TableName {
}
