import Foundation

// shuraku-bench SUBCOMMAND ...: each subcommand prints one line of figures.
let args = Array(CommandLine.arguments.dropFirst())
let usage = "usage: shuraku-bench pmedian|tsp|cvrp|schoolbus|matrix|bridges|cooperative ..."
guard let sub = args.first else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
switch sub {
case "matrix": exit(MatrixBench.run(Array(args.dropFirst())))
case "bridges": exit(BridgesBench.run(Array(args.dropFirst())))
case "pmedian": exit(PMedianBench.run(Array(args.dropFirst())))
case "tsp": exit(TSPBench.run(Array(args.dropFirst())))
case "cvrp": exit(CVRPBench.run(Array(args.dropFirst())))
case "schoolbus": exit(SchoolBusBench.run(Array(args.dropFirst())))
case "cooperative": exit(CooperativeBench.run(Array(args.dropFirst())))
default:
    FileHandle.standardError.write(Data(("unknown benchmark '\(sub)'\n" + usage + "\n").utf8))
    exit(2)
}
