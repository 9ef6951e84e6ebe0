import ShurakuCore
import ShurakuRoutes
import Testing

@Test("seconds round to the nearest integer; infinite, NaN or huge times become unreachable")
func travelRounding() {
    let out = RoutingProblem.roundedTravel(seconds: [0, 12.4, 12.5, .infinity, 3e12, .nan, -2])
    #expect(out == [0, 12, 13, RoutingProblem.unreachable, RoutingProblem.unreachable, RoutingProblem.unreachable, -2])
}
