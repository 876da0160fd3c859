namespace OpenC3.Api.Infrastructure;

/// <summary>
/// What an endpoint asks of its caller, declared in the route table and enforced by <see cref="AccessFilter"/>.
/// Every endpoint declares exactly one (a test enumerates them): a point on a tree node, a global point,
/// login only, or no login.
/// </summary>
public abstract record RouteAccess;

/// <summary>
/// A point on the tree node named by the route value <paramref name="RouteValue"/>; <paramref name="Field"/> is the
/// name upstream's format message uses for it (`treeid`, or `projectid` in the JOB resource routes).
/// <paramref name="PrivateNodeFallback"/>: a point that also passes on a private node (upstream lets admins read
/// someone else's private node's machines).
/// </summary>
public sealed record TreePointAccess(string Point, string RouteValue, string Field, string? PrivateNodeFallback = null) : RouteAccess;

/// <summary>A point on the global node 0, e.g. `openc3_connector_root`.</summary>
public sealed record GlobalPointAccess(string Point) : RouteAccess;

/// <summary>Any logged-in caller; <paramref name="Reason"/> says why no point is needed.</summary>
public sealed record LoginOnlyAccess(string Reason) : RouteAccess;

/// <summary>Anyone, logged in or not; <paramref name="Reason"/> says why (login itself, token or uuid secrets, probes).</summary>
public sealed record NoLoginAccess(string Reason) : RouteAccess;
