using System.Text.Json.Serialization;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Catalog;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Negotiations;

namespace CrisisGrid.Grains.Exercises;

/// <summary>
/// A change the exercise has decided and recorded but must still hand to another grain (a transactional outbox).
/// Deliveries are derived from recorded events, so a crash between recording and delivering loses nothing: on
/// activation the exercise delivers what is still outstanding. Receivers apply each delivery id at most once.
/// </summary>
[GenerateSerializer, Alias("Exercises.Delivery"), Immutable]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NationChangeDelivery), "nationChange")]
[JsonDerivedType(typeof(OpenOrdersDelivery), "openOrders")]
[JsonDerivedType(typeof(ArmedAttackDelivery), "armedAttack")]
[JsonDerivedType(typeof(InitializeNationDelivery), "initializeNation")]
[JsonDerivedType(typeof(InitializeAllianceDelivery), "initializeAlliance")]
[JsonDerivedType(typeof(ListInCatalogDelivery), "listInCatalog")]
[JsonDerivedType(typeof(InitializeNegotiationDelivery), "initializeNegotiation")]
[JsonDerivedType(typeof(ExerciseClockDelivery), "exerciseClock")]
public abstract record Delivery(string DeliveryId);

/// <summary>Apply <paramref name="Delta"/> to a nation; <paramref name="Because"/> is its cause in the team's words.</summary>
[GenerateSerializer, Alias("Exercises.NationChangeDelivery"), Immutable]
public sealed record NationChangeDelivery(string DeliveryId, NationDelta Delta, string Summary, string? Because = null) : Delivery(DeliveryId);

/// <summary>Open a nation's orders for a turn.</summary>
[GenerateSerializer, Alias("Exercises.OpenOrdersDelivery"), Immutable]
public sealed record OpenOrdersDelivery(string DeliveryId, string Nation, int Turn) : Delivery(DeliveryId);

/// <summary>Put an armed attack on record with an alliance (the alliance decides whether the victim is a member).</summary>
[GenerateSerializer, Alias("Exercises.ArmedAttackDelivery"), Immutable]
public sealed record ArmedAttackDelivery(string DeliveryId, string Alliance, string Attacker, string Victim, string InjectId) : Delivery(DeliveryId);

/// <summary>Set up a nation from the scenario.</summary>
[GenerateSerializer, Alias("Exercises.InitializeNationDelivery"), Immutable]
public sealed record InitializeNationDelivery(string DeliveryId, InitializeNation Initialize) : Delivery(DeliveryId);

/// <summary>Set up an alliance from the scenario.</summary>
[GenerateSerializer, Alias("Exercises.InitializeAllianceDelivery"), Immutable]
public sealed record InitializeAllianceDelivery(string DeliveryId, InitializeAlliance Initialize) : Delivery(DeliveryId);

/// <summary>List the exercise in the installation's catalog.</summary>
[GenerateSerializer, Alias("Exercises.ListInCatalogDelivery"), Immutable]
public sealed record ListInCatalogDelivery(string DeliveryId, ExerciseEntry Entry) : Delivery(DeliveryId);

/// <summary>Set up a negotiation session the exercise convened.</summary>
[GenerateSerializer, Immutable, Alias("Exercises.InitializeNegotiationDelivery")]
public sealed record InitializeNegotiationDelivery(string DeliveryId, InitializeNegotiation Initialize) : Delivery(DeliveryId);
